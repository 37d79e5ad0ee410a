//! Property test: updating a network in place after a tie edit (`Network::retie`, what the
//! screen does per tie edit) gives exactly the network a full rebuild derives.

use gapscope::model::edit::Edit;
use gapscope::model::history::History;
use gapscope::model::{Network, Org, Scale, Tie, Unit};
use proptest::prelude::*;

/// A tie edit: `(from, to, None)` removes the pair's tie; `Some(None)` sets an unknown
/// rating; `Some(Some(v))` sets strength `v` on the 0..4 scale.
type TieEdit = (usize, usize, Option<Option<u8>>);

/// A tie of the starting org: `(from, to, strength)`.
type StartTie = (usize, usize, Option<u8>);

/// Directed or not, the number of units, the starting ties, the edits.
type Case = (bool, usize, Vec<StartTie>, Vec<TieEdit>);

fn strength() -> impl Strategy<Value = Option<u8>> {
    prop_oneof![Just(None), Just(Some(0u8)), (1u8..=4).prop_map(Some)]
}

fn case() -> impl Strategy<Value = Case> {
    (any::<bool>(), 2usize..7).prop_flat_map(|(directed, n)| {
        let tie = (0..n, 0..n, strength());
        let edit = (0..n, 0..n, proptest::option::of(strength()));
        (
            Just(directed),
            Just(n),
            proptest::collection::vec(tie, 0..12),
            proptest::collection::vec(edit, 1..16),
        )
    })
}

/// An org with `n` units and the given ties (a pair already tied, in either order when
/// undirected, is skipped: a valid file has one tie per pair).
fn org_of(directed: bool, n: usize, ties: &[StartTie]) -> Org {
    let id = |u: usize| format!("u{}", (n - u) * 5); // string order differs from index order
    let mut org = Org {
        directed,
        scale: Scale { min: 0.0, max: 4.0 },
        units: (0..n)
            .map(|u| Unit {
                id: id(u),
                ..Unit::default()
            })
            .collect(),
        ..Org::default()
    };
    for &(a, b, s) in ties {
        let (from, to) = (id(a), id(b));
        let taken = org
            .ties
            .iter()
            .any(|t| (t.from == from && t.to == to) || (!directed && t.from == to && t.to == from));
        if a != b && !taken {
            org.ties.push(Tie {
                from,
                to,
                strength: s.map(f64::from),
                ..Tie::default()
            });
        }
    }
    org
}

proptest! {
    #[test]
    fn a_tie_edit_in_place_matches_a_full_rebuild((directed, n, ties, edits) in case()) {
        let mut org = org_of(directed, n, &ties);
        let mut net = Network::new(&org);
        let mut history = History::new();
        let mut done = Vec::new();
        for (a, b, what) in edits {
            let (from, to) = (org.units[a].id.clone(), org.units[b].id.clone());
            let edit = match what {
                Some(s) => Edit::SetTie { from: from.clone(), to: to.clone(), strength: s.map(f64::from) },
                None => Edit::RemoveTie { from: from.clone(), to: to.clone() },
            };
            // Refused edits (a unit with itself, removing a missing tie) change nothing.
            let before = history.revision();
            if history.apply(&mut org, edit).is_err() {
                continue;
            }
            prop_assert!(net.retie(&org, &from, &to));
            // An edit that changed nothing is not in the history.
            if history.revision() != before {
                done.push((from, to));
            }
            let full = Network::new(&org);
            prop_assert_eq!(&net.pairs, &full.pairs);
            prop_assert_eq!(&net.arcs, &full.arcs);
            prop_assert_eq!(&net.respondent, &full.respondent);
            prop_assert_eq!(&net, &full);
        }
        // Undo (a tie edit of the same pair) walks back to the start in place too.
        while let Some((from, to)) = done.pop() {
            prop_assert!(history.undo(&mut org).unwrap().is_some());
            prop_assert!(net.retie(&org, &from, &to));
            prop_assert_eq!(&net, &Network::new(&org));
        }
        prop_assert_eq!(net, Network::new(&org_of(directed, n, &ties)));
    }

    #[test]
    fn an_unknown_unit_leaves_the_network_as_it_was((directed, n, ties, _e) in case()) {
        let org = org_of(directed, n, &ties);
        let mut net = Network::new(&org);
        prop_assert!(!net.retie(&org, "nobody", &org.units[0].id));
        prop_assert!(!net.retie(&org, &org.units[0].id, &org.units[0].id));
        prop_assert_eq!(net, Network::new(&org));
    }
}
