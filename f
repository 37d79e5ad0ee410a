{
  "gapscope": 1,
  "title": "Example Corp: how the CIO office works with the rest of the company",
  "directed": true,
  "scale": {
    "min": 0,
    "max": 5
  },
  "units": [
    {
      "id": "cio",
      "name": "CIO office",
      "group": "Technology",
      "size": 12,
      "attrs": {
        "owns": "AI programme",
        "it_budget_meur": 40
      }
    },
    {
      "id": "cdo",
      "name": "Chief Data Office",
      "group": "Technology",
      "size": 8,
      "attrs": {
        "owns": "data governance"
      }
    },
    {
      "id": "ciso",
      "name": "Security (CISO)",
      "group": "Technology",
      "size": 15,
      "attrs": {
        "owns": "data protection",
        "data_protection_share_of_it_budget": 0.14
      }
    },
    {
      "id": "finance",
      "name": "Finance",
      "group": "Corporate",
      "size": 30
    },
    {
      "id": "hr",
      "name": "HR",
      "group": "Corporate",
      "size": 18
    },
    {
      "id": "marketing",
      "name": "Marketing",
      "group": "Commercial",
      "size": 25
    },
    {
      "id": "customer",
      "name": "Customer Relations",
      "group": "Commercial",
      "size": 60
    }
  ],
  "ties": [
    {
      "from": "cio",
      "to": "finance",
      "strength": 5,
      "note": "survey 2026-Q3"
    },
    {
      "from": "finance",
      "to": "cio",
      "strength": 4,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cio",
      "to": "hr",
      "strength": 4,
      "note": "survey 2026-Q3"
    },
    {
      "from": "hr",
      "to": "cio",
      "strength": 4,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cio",
      "to": "marketing",
      "strength": 4,
      "note": "survey 2026-Q3"
    },
    {
      "from": "marketing",
      "to": "cio",
      "strength": 4,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cio",
      "to": "customer",
      "strength": 4,
      "note": "survey 2026-Q3"
    },
    {
      "from": "customer",
      "to": "cio",
      "strength": 3,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cio",
      "to": "cdo",
      "strength": 2,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cdo",
      "to": "cio",
      "strength": 1,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cio",
      "to": "ciso",
      "strength": 3,
      "note": "survey 2026-Q3"
    },
    {
      "from": "ciso",
      "to": "cio",
      "strength": 1,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cdo",
      "to": "marketing",
      "strength": 3,
      "note": "survey 2026-Q3"
    },
    {
      "from": "marketing",
      "to": "cdo",
      "strength": 2,
      "note": "survey 2026-Q3"
    },
    {
      "from": "cdo",
      "to": "finance",
      "strength": 2,
      "note": "survey 2026-Q3"
    },
    {
      "from": "finance",
      "to": "cdo",
      "strength": 2,
      "note": "survey 2026-Q3"
    },
    {
      "from": "ciso",
      "to": "finance",
      "strength": 2,
      "note": "survey 2026-Q3"
    },
    {
      "from": "finance",
      "to": "ciso",
      "strength": 2,
      "note": "survey 2026-Q3"
    },
    {
      "from": "marketing",
      "to": "customer",
      "strength": 5,
      "note": "survey 2026-Q3"
    },
    {
      "from": "customer",
      "to": "marketing",
      "strength": 4,
      "note": "survey 2026-Q3"
    },
    {
      "from": "hr",
      "to": "finance",
      "strength": 3,
      "note": "survey 2026-Q3"
    },
    {
      "from": "finance",
      "to": "hr",
      "strength": 3,
      "note": "survey 2026-Q3"
    },
    {
      "from": "customer",
      "to": "hr",
      "strength": 0,
      "note": "survey 2026-Q3"
    },
    {
      "from": "hr",
      "to": "customer",
      "strength": 1,
      "note": "survey 2026-Q3"
    }
  ],
  "targets": [
    {
      "from": "cio",
      "to": "finance",
      "min": 3,
      "why": "budget and business cases for every programme"
    },
    {
      "from": "cio",
      "to": "ciso",
      "min": 3,
      "why": "security reviews of every IT change"
    },
    {
      "from": "cio",
      "to": "hr",
      "min": 2,
      "why": "skills and hiring plans"
    },
    {
      "from": "ciso",
      "to": "finance",
      "min": 2,
      "why": "14% of the IT budget goes to data protection"
    },
    {
      "from": "cio",
      "to": "cdo",
      "min": 4,
      "initiative": "ai",
      "why": "AI stands on data: models need governed, documented data"
    },
    {
      "from": "cio",
      "to": "ciso",
      "min": 4,
      "initiative": "ai",
      "why": "AI systems widen the attack surface and handle sensitive data"
    },
    {
      "from": "cdo",
      "to": "ciso",
      "min": 4,
      "initiative": "ai",
      "why": "who may use which data for training, and how it is protected"
    },
    {
      "from": "cdo",
      "to": "marketing",
      "min": 3,
      "initiative": "ai",
      "why": "customer data for personalisation models"
    },
    {
      "from": "ciso",
      "to": "marketing",
      "min": 3,
      "initiative": "privacy",
      "why": "no campaign uses customer data without a privacy review"
    },
    {
      "from": "ciso",
      "to": "customer",
      "min": 3,
      "initiative": "privacy",
      "why": "customer data requests and incident handling"
    },
    {
      "from": "cdo",
      "to": "ciso",
      "min": 3,
      "initiative": "privacy",
      "why": "data classification drives protection"
    }
  ],
  "initiatives": [
    {
      "id": "ai",
      "name": "AI rollout",
      "description": "Bring generative AI into customer service and marketing within a year"
    },
    {
      "id": "privacy",
      "name": "Customer data protection",
      "description": "Meet the new privacy rules for customer data"
    }
  ],
  "x-source": "The built-in example of gapscope: CIOs work closely with finance, HR, marketing and customer relations, weakly with the Chief Data Officer and the CISO. Ratings 0 (none) to 5 (daily joint work)."
}
