//! Derived values against hand-worked examples: normalized strength, respondents, ratings,
//! pair strength, edges and the undirected view (docs/format.md, "Derived values").

use gapscope::model::{self, Network, Org, Scale};

fn load(text: &str) -> Org {
    model::from_str("test.json", text).unwrap_or_else(|e| panic!("{e}"))
}

/// Index of a unit by id.
fn ix(org: &Org, id: &str) -> usize {
    org.units.iter().position(|u| u.id == id).unwrap()
}

#[test]
fn normalized_strength_maps_the_scale_to_zero_one() {
    let scale = Scale {
        min: -2.0,
        max: 2.0,
    };
    assert_eq!(scale.normalize(-2.0), 0.0);
    assert_eq!(scale.normalize(1.0), 0.75);
    assert_eq!(scale.normalize(2.0), 1.0);
    let org = load(r#"{"scale": {"min": 1, "max": 5}, "units": []}"#);
    assert_eq!(org.normalize(1.0), 0.0);
    assert_eq!(org.normalize(2.0), 0.25);
    assert_eq!(org.normalize(4.0), 0.75);
    // The default scale is 0..1: a strength is its own normalized value.
    let org = load(r#"{"units": []}"#);
    assert_eq!(org.scale, Scale { min: 0.0, max: 1.0 });
    assert_eq!(org.normalize(0.3), 0.3);
}

/// Undirected, scale 1-5: a-b 5 (s = 1), b-c 3 (s = 0.5), a-c 1 (s = 0: "no collaboration").
const UNDIRECTED: &str = r#"{
  "scale": {"min": 1, "max": 5},
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
  "ties": [
    {"from": "b", "to": "a", "strength": 5},
    {"from": "b", "to": "c", "strength": 3},
    {"from": "a", "to": "c", "strength": 1}
  ]
}"#;

#[test]
fn undirected_pair_strength_is_the_tie_in_either_order() {
    let org = load(UNDIRECTED);
    let net = Network::new(&org);
    let (a, b, c, d) = (ix(&org, "a"), ix(&org, "b"), ix(&org, "c"), ix(&org, "d"));
    assert!(!net.directed);
    assert_eq!(net.respondent, vec![true; 4]);
    assert_eq!(net.pair(a, b), 1.0);
    assert_eq!(net.pair(b, a), 1.0);
    assert_eq!(net.pair(c, b), 0.5);
    assert_eq!(net.rating(a, b), Some(1.0));
    assert_eq!(net.rating(b, a), Some(1.0));
    // No tie at all: pair strength 0 (an undirected file is complete).
    assert_eq!(net.pair(a, d), 0.0);
    assert_eq!(net.rating(d, a), Some(0.0));
}

#[test]
fn ties_at_the_bottom_of_the_scale_are_kept_but_are_not_edges() {
    let org = load(UNDIRECTED);
    assert_eq!(org.ties.len(), 3, "the s = 0 tie stays in the document");
    let net = Network::new(&org);
    let (a, b, c) = (ix(&org, "a"), ix(&org, "b"), ix(&org, "c"));
    assert!(net.has_tie(a, c) && net.has_tie(c, a));
    assert_eq!(net.pair(a, c), 0.0);
    // One edge per pair with s > 0, in file order, as written.
    assert_eq!(net.arcs, vec![(b, a, 1.0), (b, c, 0.5)]);
    assert_eq!(net.pairs, vec![(a, b, 1.0), (b, c, 0.5)]);
    let adj = net.undirected_adjacency();
    assert_eq!(adj[a], vec![(b, 1.0)]);
    assert_eq!(adj[b], vec![(a, 1.0), (c, 0.5)]);
    assert_eq!(adj[c], vec![(b, 0.5)]);
    assert!(adj[3].is_empty());
}

/// Directed, scale 0-4. a, b and c answered the survey; d and e rated nobody.
///   a->b 4 (1.0)   b->a 2 (0.5)   a->c 1 (0.25)   c->a 0 (0.0)   b->d 3 (0.75)
const DIRECTED: &str = r#"{
  "directed": true,
  "scale": {"min": 0, "max": 4},
  "units": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}],
  "ties": [
    {"from": "a", "to": "b", "strength": 4},
    {"from": "b", "to": "a", "strength": 2},
    {"from": "a", "to": "c", "strength": 1},
    {"from": "c", "to": "a", "strength": 0},
    {"from": "b", "to": "d", "strength": 3}
  ]
}"#;

#[test]
fn respondents_are_the_units_that_rate_someone() {
    let org = load(DIRECTED);
    let net = Network::new(&org);
    // c rates only with a 0, and is still a respondent; d is only rated; e is alone.
    assert_eq!(net.respondent, vec![true, true, true, false, false]);
}

#[test]
fn ratings_follow_respondent_semantics() {
    let org = load(DIRECTED);
    let net = Network::new(&org);
    let [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map(|id| ix(&org, id));
    assert_eq!(net.rating(a, b), Some(1.0));
    assert_eq!(net.rating(b, a), Some(0.5));
    assert_eq!(net.rating(c, a), Some(0.0), "a written 0 is a known 0");
    assert_eq!(net.rating(c, b), Some(0.0), "a respondent's silence is a 0");
    assert_eq!(net.rating(a, d), Some(0.0));
    assert_eq!(net.rating(d, b), None, "a non-respondent's view is unknown");
    assert_eq!(net.rating(d, a), None);
    assert_eq!(net.rating(e, d), None);
}

#[test]
fn directed_pair_strength_is_the_mean_of_the_known_ratings() {
    let org = load(DIRECTED);
    let net = Network::new(&org);
    let [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map(|id| ix(&org, id));
    // Both known: the mean.
    assert_eq!(net.pair(a, b), 0.75);
    assert_eq!(net.pair(b, a), 0.75);
    assert_eq!(net.pair(a, c), 0.125);
    // Both respondents, neither rated the other: two known zeros.
    assert_eq!(net.pair(b, c), 0.0);
    // d did not answer: only b's rating counts, it is not halved.
    assert_eq!(net.pair(b, d), 0.75);
    assert_eq!(net.pair(d, b), 0.75);
    // a rated everyone it knows (d as 0 by silence); d's view is unknown: 0.
    assert_eq!(net.pair(a, d), 0.0);
    // Neither answered: nothing known, 0.
    assert_eq!(net.pair(d, e), 0.0);
}

#[test]
fn directed_edges_and_the_undirected_view() {
    let org = load(DIRECTED);
    let net = Network::new(&org);
    let [a, b, c, d, _] = ["a", "b", "c", "d", "e"].map(|id| ix(&org, id));
    // Arcs: every tie with s > 0, in file order; c->a (0) is kept in the file only.
    assert_eq!(
        net.arcs,
        vec![(a, b, 1.0), (b, a, 0.5), (a, c, 0.25), (b, d, 0.75)]
    );
    assert!(net.has_tie(c, a));
    // The undirected view: one edge per pair with p > 0, sorted.
    assert_eq!(net.pairs, vec![(a, b, 0.75), (a, c, 0.125), (b, d, 0.75)]);
    let adj = net.undirected_adjacency();
    assert_eq!(adj[a], vec![(b, 0.75), (c, 0.125)]);
    assert_eq!(adj[d], vec![(b, 0.75)]);
    assert!(adj[4].is_empty());
}

#[test]
fn a_pair_rated_zero_by_one_side_and_unknown_by_the_other_is_no_edge() {
    // x rates y as 0; y rated nobody. p(x,y) = 0: no edge in either view.
    let org = load(
        r#"{"directed": true, "units": [{"id": "x"}, {"id": "y"}],
            "ties": [{"from": "x", "to": "y", "strength": 0}]}"#,
    );
    let net = Network::new(&org);
    assert_eq!(net.respondent, vec![true, false]);
    assert_eq!(net.pair(0, 1), 0.0);
    assert!(net.arcs.is_empty() && net.pairs.is_empty());
}
