{
  "gapscope": 1,
  "directed": true,
  "scale": {
    "min": 0,
    "max": 1
  },
  "units": [
    {
      "id": "u0"
    },
    {
      "id": "u1",
      "group": "G1"
    },
    {
      "id": "u2",
      "group": "G2"
    },
    {
      "id": "u3",
      "group": "G3"
    },
    {
      "id": "u4",
      "group": "G0"
    },
    {
      "id": "u5",
      "group": "G1"
    },
    {
      "id": "u6",
      "group": "G2"
    },
    {
      "id": "u7"
    },
    {
      "id": "u8",
      "group": "G0"
    },
    {
      "id": "u9",
      "group": "G1"
    },
    {
      "id": "u10",
      "group": "G2"
    },
    {
      "id": "u11",
      "group": "G3"
    },
    {
      "id": "u12",
      "group": "G0"
    },
    {
      "id": "u13",
      "group": "G1"
    },
    {
      "id": "u14"
    },
    {
      "id": "u15",
      "group": "G3"
    },
    {
      "id": "u16",
      "group": "G0"
    },
    {
      "id": "u17",
      "group": "G1"
    },
    {
      "id": "u18",
      "group": "G2"
    },
    {
      "id": "u19",
      "group": "G3"
    },
    {
      "id": "u20",
      "group": "G0"
    },
    {
      "id": "u21"
    },
    {
      "id": "u22",
      "group": "G2"
    },
    {
      "id": "u23",
      "group": "G3"
    },
    {
      "id": "u24",
      "group": "G0"
    },
    {
      "id": "u25",
      "group": "G1"
    },
    {
      "id": "u26",
      "group": "G2"
    },
    {
      "id": "u27",
      "group": "G3"
    },
    {
      "id": "u28"
    },
    {
      "id": "u29",
      "group": "G1"
    },
    {
      "id": "u30",
      "group": "G2"
    },
    {
      "id": "u31",
      "group": "G3"
    },
    {
      "id": "u32",
      "group": "G0"
    },
    {
      "id": "u33",
      "group": "G1"
    },
    {
      "id": "u34",
      "group": "G2"
    },
    {
      "id": "u35"
    },
    {
      "id": "u36",
      "group": "G0"
    },
    {
      "id": "u37",
      "group": "G1"
    },
    {
      "id": "u38",
      "group": "G2"
    },
    {
      "id": "u39",
      "group": "G3"
    },
    {
      "id": "u40",
      "group": "G0"
    },
    {
      "id": "u41",
      "group": "G1"
    },
    {
      "id": "u42"
    },
    {
      "id": "u43",
      "group": "G3"
    },
    {
      "id": "u44",
      "group": "G0"
    },
    {
      "id": "u45",
      "group": "G1"
    },
    {
      "id": "u46",
      "group": "G2"
    },
    {
      "id": "u47",
      "group": "G3"
    },
    {
      "id": "u48",
      "group": "G0"
    },
    {
      "id": "u49"
    },
    {
      "id": "u50",
      "group": "G2"
    },
    {
      "id": "u51",
      "group": "G3"
    },
    {
      "id": "u52",
      "group": "G0"
    },
    {
      "id": "u53",
      "group": "G1"
    },
    {
      "id": "u54",
      "group": "G2"
    },
    {
      "id": "u55",
      "group": "G3"
    },
    {
      "id": "u56"
    },
    {
      "id": "u57",
      "group": "G1"
    },
    {
      "id": "u58",
      "group": "G2"
    },
    {
      "id": "u59",
      "group": "G3"
    },
    {
      "id": "u60",
      "group": "G0"
    },
    {
      "id": "u61",
      "group": "G1"
    },
    {
      "id": "u62",
      "group": "G2"
    },
    {
      "id": "u63"
    },
    {
      "id": "u64",
      "group": "G0"
    },
    {
      "id": "u65",
      "group": "G1"
    },
    {
      "id": "u66",
      "group": "G2"
    },
    {
      "id": "u67",
      "group": "G3"
    },
    {
      "id": "u68",
      "group": "G0"
    },
    {
      "id": "u69",
      "group": "G1"
    },
    {
      "id": "u70"
    },
    {
      "id": "u71",
      "group": "G3"
    },
    {
      "id": "u72",
      "group": "G0"
    },
    {
      "id": "u73",
      "group": "G1"
    },
    {
      "id": "u74",
      "group": "G2"
    },
    {
      "id": "u75",
      "group": "G3"
    },
    {
      "id": "u76",
      "group": "G0"
    },
    {
      "id": "u77"
    },
    {
      "id": "u78",
      "group": "G2"
    },
    {
      "id": "u79",
      "group": "G3"
    },
    {
      "id": "u80",
      "group": "G0"
    },
    {
      "id": "u81",
      "group": "G1"
    },
    {
      "id": "u82",
      "group": "G2"
    },
    {
      "id": "u83",
      "group": "G3"
    },
    {
      "id": "u84"
    },
    {
      "id": "u85",
      "group": "G1"
    },
    {
      "id": "u86",
      "group": "G2"
    },
    {
      "id": "u87",
      "group": "G3"
    },
    {
      "id": "u88",
      "group": "G0"
    },
    {
      "id": "u89",
      "group": "G1"
    }
  ],
  "ties": [
    {
      "from": "u0",
      "to": "u3",
      "strength": 0.7
    },
    {
      "from": "u1",
      "to": "u10",
      "strength": 0.7
    },
    {
      "from": "u2",
      "to": "u17",
      "strength": 0.7
    },
    {
      "from": "u3",
      "to": "u24",
      "strength": 0.7
    },
    {
      "from": "u4",
      "to": "u31",
      "strength": 0.7
    },
    {
      "from": "u5",
      "to": "u38",
      "strength": 0.7
    },
    {
      "from": "u6",
      "to": "u45",
      "strength": 0.7
    },
    {
      "from": "u7",
      "to": "u52",
      "strength": 0.7
    },
    {
      "from": "u8",
      "to": "u59",
      "strength": 0.7
    },
    {
      "from": "u9",
      "to": "u66",
      "strength": 0.7
    },
    {
      "from": "u10",
      "to": "u73",
      "strength": 0.7
    },
    {
      "from": "u11",
      "to": "u80",
      "strength": 0.7
    },
    {
      "from": "u12",
      "to": "u87",
      "strength": 0.7
    },
    {
      "from": "u13",
      "to": "u4",
      "strength": 0.7
    },
    {
      "from": "u14",
      "to": "u11",
      "strength": 0.7
    },
    {
      "from": "u15",
      "to": "u18",
      "strength": 0.7
    },
    {
      "from": "u16",
      "to": "u25",
      "strength": 0.7
    },
    {
      "from": "u17",
      "to": "u32",
      "strength": 0.7
    },
    {
      "from": "u18",
      "to": "u39",
      "strength": 0.7
    },
    {
      "from": "u19",
      "to": "u46",
      "strength": 0.7
    },
    {
      "from": "u20",
      "to": "u53",
      "strength": 0.7
    },
    {
      "from": "u21",
      "to": "u60",
      "strength": 0.7
    },
    {
      "from": "u22",
      "to": "u67",
      "strength": 0.7
    },
    {
      "from": "u23",
      "to": "u74",
      "strength": 0.7
    },
    {
      "from": "u24",
      "to": "u81",
      "strength": 0.7
    },
    {
      "from": "u25",
      "to": "u88",
      "strength": 0.7
    },
    {
      "from": "u26",
      "to": "u5",
      "strength": 0.7
    },
    {
      "from": "u27",
      "to": "u12",
      "strength": 0.7
    },
    {
      "from": "u28",
      "to": "u19",
      "strength": 0.7
    },
    {
      "from": "u29",
      "to": "u26",
      "strength": 0.7
    },
    {
      "from": "u30",
      "to": "u33",
      "strength": 0.7
    },
    {
      "from": "u31",
      "to": "u40",
      "strength": 0.7
    },
    {
      "from": "u32",
      "to": "u47",
      "strength": 0.7
    },
    {
      "from": "u33",
      "to": "u54",
      "strength": 0.7
    },
    {
      "from": "u34",
      "to": "u61",
      "strength": 0.7
    },
    {
      "from": "u35",
      "to": "u68",
      "strength": 0.7
    },
    {
      "from": "u36",
      "to": "u75",
      "strength": 0.7
    },
    {
      "from": "u37",
      "to": "u82",
      "strength": 0.7
    },
    {
      "from": "u38",
      "to": "u89",
      "strength": 0.7
    },
    {
      "from": "u39",
      "to": "u6",
      "strength": 0.7
    },
    {
      "from": "u40",
      "to": "u13",
      "strength": 0.7
    },
    {
      "from": "u41",
      "to": "u20",
      "strength": 0.7
    },
    {
      "from": "u42",
      "to": "u27",
      "strength": 0.7
    },
    {
      "from": "u43",
      "to": "u34",
      "strength": 0.7
    },
    {
      "from": "u44",
      "to": "u41",
      "strength": 0.7
    },
    {
      "from": "u45",
      "to": "u48",
      "strength": 0.7
    },
    {
      "from": "u46",
      "to": "u55",
      "strength": 0.7
    },
    {
      "from": "u47",
      "to": "u62",
      "strength": 0.7
    },
    {
      "from": "u48",
      "to": "u69",
      "strength": 0.7
    },
    {
      "from": "u49",
      "to": "u76",
      "strength": 0.7
    },
    {
      "from": "u50",
      "to": "u83",
      "strength": 0.7
    },
    {
      "from": "u51",
      "to": "u0",
      "strength": 0.7
    },
    {
      "from": "u52",
      "to": "u7",
      "strength": 0.7
    },
    {
      "from": "u53",
      "to": "u14",
      "strength": 0.7
    },
    {
      "from": "u54",
      "to": "u21",
      "strength": 0.7
    },
    {
      "from": "u55",
      "to": "u28",
      "strength": 0.7
    },
    {
      "from": "u56",
      "to": "u35",
      "strength": 0.7
    },
    {
      "from": "u57",
      "to": "u42",
      "strength": 0.7
    },
    {
      "from": "u58",
      "to": "u49",
      "strength": 0.7
    },
    {
      "from": "u59",
      "to": "u56",
      "strength": 0.7
    },
    {
      "from": "u60",
      "to": "u63",
      "strength": 0.7
    },
    {
      "from": "u61",
      "to": "u70",
      "strength": 0.7
    },
    {
      "from": "u62",
      "to": "u77",
      "strength": 0.7
    },
    {
      "from": "u63",
      "to": "u84",
      "strength": 0.7
    },
    {
      "from": "u64",
      "to": "u1",
      "strength": 0.7
    },
    {
      "from": "u65",
      "to": "u8",
      "strength": 0.7
    },
    {
      "from": "u66",
      "to": "u15",
      "strength": 0.7
    },
    {
      "from": "u67",
      "to": "u22",
      "strength": 0.7
    },
    {
      "from": "u68",
      "to": "u29",
      "strength": 0.7
    },
    {
      "from": "u69",
      "to": "u36",
      "strength": 0.7
    },
    {
      "from": "u70",
      "to": "u43",
      "strength": 0.7
    },
    {
      "from": "u71",
      "to": "u50",
      "strength": 0.7
    },
    {
      "from": "u72",
      "to": "u57",
      "strength": 0.7
    },
    {
      "from": "u73",
      "to": "u64",
      "strength": 0.7
    },
    {
      "from": "u74",
      "to": "u71",
      "strength": 0.7
    },
    {
      "from": "u75",
      "to": "u78",
      "strength": 0.7
    },
    {
      "from": "u76",
      "to": "u85",
      "strength": 0.7
    },
    {
      "from": "u77",
      "to": "u2",
      "strength": 0.7
    },
    {
      "from": "u78",
      "to": "u9",
      "strength": 0.7
    },
    {
      "from": "u79",
      "to": "u16",
      "strength": 0.7
    },
    {
      "from": "u80",
      "to": "u23",
      "strength": 0.7
    },
    {
      "from": "u81",
      "to": "u30",
      "strength": 0.7
    },
    {
      "from": "u82",
      "to": "u37",
      "strength": 0.7
    },
    {
      "from": "u83",
      "to": "u44",
      "strength": 0.7
    },
    {
      "from": "u84",
      "to": "u51",
      "strength": 0.7
    },
    {
      "from": "u85",
      "to": "u58",
      "strength": 0.7
    },
    {
      "from": "u86",
      "to": "u65",
      "strength": 0.7
    },
    {
      "from": "u87",
      "to": "u72",
      "strength": 0.7
    },
    {
      "from": "u88",
      "to": "u79",
      "strength": 0.7
    },
    {
      "from": "u89",
      "to": "u86",
      "strength": 0.7
    }
  ]
}
