//! Property: random edits (valid and not) on random valid documents keep the document valid,
//! refused edits change nothing, undo all restores the original exactly and redo all the end.

use gapscope::model::edit::Edit;
use gapscope::model::history::History;
use gapscope::model::{
    self, Action, ActionStatus, AttrValue, Initiative, Org, Scale, Target, Tie, Unit,
};
use proptest::prelude::*;
use serde_json::Value;

const IDS: &[&str] = &["a", "b", "c", "d", "e"];
const GROUPS: &[&str] = &["IT", "Ops"];
const INITIATIVES: &[&str] = &["ai", "cloud"];

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(IDS).prop_map(String::from),
        1 => Just("zz".to_string()),
        1 => Just(String::new()),
    ]
}

fn text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        Just("Ops".to_string()),
        Just("Sécurité \"x\"".to_string()),
        Just("bell\u{7}".to_string()),
        Just(String::new()),
    ])
}

fn scale() -> impl Strategy<Value = Scale> {
    prop_oneof![
        Just(Scale { min: 0.0, max: 1.0 }),
        Just(Scale { min: 1.0, max: 5.0 }),
        Just(Scale {
            min: -2.0,
            max: 2.0
        }),
    ]
}

/// A value on the scale (quarters of it) or off it.
fn value(s: Scale) -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => (0..=4u8).prop_map(move |k| s.min + (s.max - s.min) * f64::from(k) / 4.0),
        1 => prop::sample::select(vec![f64::NAN, f64::INFINITY, s.min - 1.0, s.max + 0.5]),
    ]
}

fn unit() -> impl Strategy<Value = Unit> {
    (
        id(),
        text(),
        prop::option::of(prop::sample::select(GROUPS)),
        any::<bool>(),
    )
        .prop_map(|(id, name, group, rich)| {
            let mut u = Unit {
                id,
                name,
                group: group.map(String::from),
                ..Unit::default()
            };
            if rich {
                u.size = Some(7);
                u.attrs = vec![
                    ("site".into(), AttrValue::Text("Lyon".into())),
                    ("remote".into(), AttrValue::Bool(true)),
                ];
                u.extra.insert("x-k".into(), Value::from(1));
            }
            u
        })
}

fn initiative() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        4 => prop::sample::select(INITIATIVES).prop_map(String::from),
        1 => Just("nope".to_string()),
    ])
}

/// A random valid document: candidates are generated freely and kept when they fit.
fn doc() -> impl Strategy<Value = Org> {
    let parts = (
        any::<bool>(),
        scale(),
        prop::collection::vec(unit(), 0..6),
        0..=2usize,
    );
    parts.prop_flat_map(|(directed, scale, units, n_init)| {
        let ties = prop::collection::vec((id(), id(), value(scale), text()), 0..12);
        let targets = prop::collection::vec((id(), id(), value(scale), initiative(), text()), 0..8);
        (Just((directed, scale, units, n_init)), ties, targets).prop_map(
            |((directed, scale, units, n_init), ties, targets)| {
                let mut org = Org {
                    title: Some("P".into()),
                    scale,
                    directed,
                    ..Org::default()
                };
                org.extra.insert("x-top".into(), Value::from("kept"));
                org.initiatives = INITIATIVES[..n_init]
                    .iter()
                    .map(|i| Initiative {
                        id: (*i).into(),
                        ..Initiative::default()
                    })
                    .collect();
                for u in units {
                    let _ = Edit::AddUnit { unit: u, at: None }.apply(&mut org);
                }
                for (from, to, strength, note) in ties {
                    let tie = Tie {
                        from,
                        to,
                        strength: Some(strength),
                        note,
                        ..Tie::default()
                    };
                    let _ = Edit::AddTie { tie, at: None }.apply(&mut org);
                }
                for (from, to, min, initiative, why) in targets {
                    let target = Target {
                        from,
                        to,
                        min,
                        initiative,
                        why,
                        ..Target::default()
                    };
                    let _ = Edit::AddTarget { target, at: None }.apply(&mut org);
                }
                org
            },
        )
    })
}

fn edit(s: Scale) -> BoxedStrategy<Edit> {
    let leaf = prop_oneof![
        (id(), id(), value(s)).prop_map(|(from, to, strength)| Edit::SetTie {
            from,
            to,
            strength: Some(strength)
        }),
        (id(), id(), value(s), text(), 0..8usize).prop_map(|(from, to, strength, note, at)| {
            Edit::AddTie {
                tie: Tie {
                    from,
                    to,
                    strength: Some(strength),
                    note,
                    ..Tie::default()
                },
                at: (at < 7).then_some(at),
            }
        }),
        (id(), id()).prop_map(|(from, to)| Edit::RemoveTie { from, to }),
        (id(), id(), text()).prop_map(|(from, to, note)| Edit::SetTieNote { from, to, note }),
        (id(), id(), initiative(), value(s)).prop_map(|(from, to, initiative, min)| {
            Edit::SetTarget {
                from,
                to,
                initiative,
                min,
            }
        }),
        (id(), id(), initiative()).prop_map(|(from, to, initiative)| Edit::RemoveTarget {
            from,
            to,
            initiative
        }),
        (id(), id(), initiative(), text()).prop_map(|(from, to, initiative, why)| {
            Edit::SetTargetWhy {
                from,
                to,
                initiative,
                why,
            }
        }),
        (unit(), 0..8usize).prop_map(|(unit, at)| Edit::AddUnit {
            unit,
            at: (at < 7).then_some(at),
        }),
        (id(), text()).prop_map(|(id, name)| Edit::RenameUnit { id, name }),
        (id(), text()).prop_map(|(id, group)| Edit::RegroupUnit { id, group }),
        id().prop_map(|id| Edit::RemoveUnit { id }),
        (id(), id()).prop_map(|(from, to)| Edit::SetTie {
            from,
            to,
            strength: None
        }),
        (
            id(),
            id(),
            text(),
            prop::option::of(value(s)),
            initiative(),
            0..4usize
        )
            .prop_map(|(from, to, what, expect, initiative, at)| Edit::AddAction {
                action: Action {
                    from,
                    to,
                    what: what.unwrap_or_default(),
                    expect,
                    initiative,
                    ..Action::default()
                },
                at: (at < 3).then_some(at),
            }),
        (0..4usize, 0..4usize).prop_map(|(at, k)| Edit::SetActionStatus {
            at,
            status: [
                None,
                Some(ActionStatus::Open),
                Some(ActionStatus::Done),
                Some(ActionStatus::Dropped)
            ][k],
        }),
        (0..4usize).prop_map(|at| Edit::RemoveAction { at }),
    ];
    leaf.prop_recursive(1, 6, 3, |inner| {
        prop::collection::vec(inner, 0..3).prop_map(|edits| Edit::Batch { label: None, edits })
    })
    .boxed()
}

fn reload(org: &Org) -> Org {
    let text = model::save::to_string(org);
    match model::from_str("edited.json", &text) {
        Ok(o) => o,
        Err(e) => panic!("an edit left an invalid document:\n{e}\n{text}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn undo_all_restores_and_redo_all_replays(
        (mut org, edits) in doc().prop_flat_map(|org| {
            let s = org.scale;
            (Just(org), prop::collection::vec(edit(s), 0..30))
        })
    ) {
        prop_assert_eq!(&reload(&org), &org, "the generator makes valid documents");
        let original = org.clone();
        let original_text = model::save::to_string(&org);
        let mut history = History::new();
        let mut states = vec![org.clone()];
        for e in edits {
            let before = org.clone();
            let rev = history.revision();
            match history.apply(&mut org, e) {
                Ok(_) => {
                    prop_assert_eq!(&reload(&org), &org);
                    if history.revision() != rev {
                        states.push(org.clone());
                    } else {
                        prop_assert_eq!(&org, &before, "an edit that changes nothing");
                    }
                }
                Err(_) => prop_assert_eq!(&org, &before, "a refused edit changes nothing"),
            }
        }
        let edited = org.clone();
        prop_assert_eq!(history.undo_len(), states.len() - 1);
        while history.can_undo() {
            states.pop();
            history.undo(&mut org).unwrap();
            prop_assert_eq!(Some(&org), states.last());
        }
        prop_assert_eq!(&org, &original);
        prop_assert_eq!(model::save::to_string(&org), original_text);
        prop_assert!(!history.is_dirty());
        while history.can_redo() {
            history.redo(&mut org).unwrap();
            prop_assert_eq!(&reload(&org), &org);
        }
        prop_assert_eq!(org, edited);
    }
}
