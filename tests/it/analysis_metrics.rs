//! Hand-worked metrics on tiny orgs: degree, strength, components, bridges, articulation
//! points, density, E-I index, constraint, communities, reciprocity, paths.

use gapscope::analysis::{Analysis, Options, analyse, paths};
use gapscope::model::{Org, from_str};

/// An undirected org from `(from, to, strength)` ties on the scale 0-1; unit ids are letters.
fn org(units: &[(&str, &str)], ties: &[(&str, &str, f64)], directed: bool) -> Org {
    let units: Vec<String> = units
        .iter()
        .map(|(id, g)| format!(r#"{{"id":"{id}","name":"Unit {id}","group":"{g}"}}"#))
        .collect();
    let ties: Vec<String> = ties
        .iter()
        .map(|(a, b, s)| format!(r#"{{"from":"{a}","to":"{b}","strength":{s}}}"#))
        .collect();
    let text = format!(
        r#"{{"directed":{directed},"units":[{}],"ties":[{}]}}"#,
        units.join(","),
        ties.join(",")
    );
    from_str("test", &text).unwrap_or_else(|e| panic!("{e}"))
}

fn run(o: &Org) -> Analysis {
    analyse(o, &Options::default())
}

fn ids(o: &Org, list: &[usize]) -> Vec<String> {
    list.iter().map(|&u| o.units[u].id.clone()).collect()
}

#[test]
fn no_units_and_one_unit() {
    let empty = org(&[], &[], false);
    let a = run(&empty);
    assert!(a.nodes.is_empty() && a.components.is_empty() && a.gaps.is_empty());
    assert_eq!(a.density, 0.0);
    assert_eq!(a.communities.modularity, None);

    let one = org(&[("a", "G")], &[], false);
    let a = run(&one);
    assert_eq!(a.components, vec![vec![0]]);
    assert_eq!(a.density, 0.0);
    assert_eq!(a.nodes[0].constraint, None);
    assert_eq!(a.groups[0].ei_index, None);
}

#[test]
fn two_units() {
    let o = org(&[("a", "G"), ("b", "H")], &[("a", "b", 0.5)], false);
    let a = run(&o);
    assert_eq!(a.density, 1.0);
    assert_eq!(a.bridges, vec![(0, 1)]);
    assert!(a.articulation_points.is_empty());
    assert_eq!(a.nodes[0].strength, 0.5);
    assert_eq!(a.nodes[0].constraint, Some(1.0));
    assert_eq!(a.groups[0].ei_index, Some(1.0));
    assert_eq!(a.nodes[0].betweenness, 0.0);
    assert_eq!(a.communities.members.len(), 1);
}

#[test]
fn path_of_three() {
    let o = org(
        &[("c", "G"), ("a", "G"), ("b", "H")],
        &[("a", "b", 1.0), ("b", "c", 0.5)],
        false,
    );
    let a = run(&o);
    // Units are listed c, a, b in the file; reports order by id.
    assert_eq!(ids(&o, &a.by_id), ["a", "b", "c"]);
    assert_eq!(ids(&o, &a.components[0]), ["a", "b", "c"]);
    assert_eq!(ids(&o, &a.articulation_points), ["b"]);
    let bridges: Vec<(String, String)> = a
        .bridges
        .iter()
        .map(|&(x, y)| (o.units[x].id.clone(), o.units[y].id.clone()))
        .collect();
    assert_eq!(
        bridges,
        [("a".into(), "b".into()), ("b".into(), "c".into())]
    );
    assert!((a.density - 2.0 / 3.0).abs() < 1e-15);
    assert_eq!(a.nodes[2].degree, 2);
    assert_eq!(a.nodes[2].strength, 1.5);
    // b is on the only a-c path: betweenness 1 (normalized by (n-1)(n-2)/2 = 1).
    assert!((a.nodes[2].betweenness - 1.0).abs() < 1e-12);
    // Group G = {a, c}: no internal edge, 2 external; H = {b}: 2 external.
    assert_eq!((a.groups[0].internal, a.groups[0].external), (0, 2));
    assert_eq!(a.groups[0].ei_index, Some(1.0));
}

#[test]
fn star_constraint_and_components() {
    let o = org(
        &[
            ("hub", "G"),
            ("x", "G"),
            ("y", "G"),
            ("z", "G"),
            ("lone", "G"),
        ],
        &[("hub", "x", 1.0), ("hub", "y", 1.0), ("hub", "z", 1.0)],
        false,
    );
    let a = run(&o);
    // networkx: constraint(star_graph(3)) = {hub: 1/3, leaves: 1}.
    assert!((a.nodes[0].constraint.unwrap_or(0.0) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(a.nodes[1].constraint, Some(1.0));
    assert_eq!(a.nodes[4].constraint, None);
    assert_eq!(a.components.len(), 2);
    assert_eq!(ids(&o, &a.components[1]), ["lone"]);
    assert_eq!(a.nodes[4].component, 1);
    // The hub is on all 3 leaf pairs, of (n-1)(n-2)/2 = 6 pairs.
    assert!((a.nodes[0].betweenness - 0.5).abs() < 1e-12);
    assert_eq!((a.nodes[0].degree, a.nodes[0].strength), (3, 3.0));
    assert!((a.density - 0.3).abs() < 1e-15);
    assert_eq!(ids(&o, &a.articulation_points), ["hub"]);
    assert_eq!(a.bridges.len(), 3);
    // All-internal group: E-I index -1, a silo.
    assert_eq!(a.groups[0].ei_index, Some(-1.0));
}

#[test]
fn triangle_with_pendant() {
    let o = org(
        &[("a", "G"), ("b", "G"), ("c", "G"), ("d", "H")],
        &[
            ("a", "b", 1.0),
            ("b", "c", 0.5),
            ("a", "c", 1.0),
            ("c", "d", 0.25),
        ],
        false,
    );
    let a = run(&o);
    assert_eq!(a.bridges, vec![(2, 3)]);
    assert_eq!(a.articulation_points, vec![2]);
    // b–c: the direct tie (distance 2) and b–a–c (1 + 1) tie, as do b–c–d and b–a–c–d;
    // so a carries half of (b,c) and (b,d), c all of (a,d), (b,d) — normalized by 3.
    let b: Vec<f64> = a.nodes.iter().map(|s| s.betweenness).collect();
    for (got, want) in b.iter().zip([1.0 / 3.0, 0.0, 2.0 / 3.0, 0.0]) {
        assert!((got - want).abs() < 1e-12, "{b:?}");
    }
    // Values from networkx 3.6.1 constraint(G, weight="weight").
    let want = [
        0.8577097505668934,
        1.1791383219954648,
        0.9274376417233559,
        1.0,
    ];
    for (node, w) in a.nodes.iter().zip(want) {
        assert!((node.constraint.unwrap_or(f64::NAN) - w).abs() < 1e-12);
    }
    assert_eq!((a.groups[0].internal, a.groups[0].external), (3, 1));
    assert_eq!(a.groups[0].ei_index, Some(-0.5));
    assert_eq!(a.groups[0].weighted_ei_index, Some((0.25 - 2.5) / 2.75));
}

#[test]
fn two_triangles_form_two_communities() {
    let o = org(
        &[
            ("a", "G"),
            ("b", "G"),
            ("c", "G"),
            ("d", "G"),
            ("e", "G"),
            ("f", "G"),
        ],
        &[
            ("a", "b", 1.0),
            ("b", "c", 1.0),
            ("a", "c", 1.0),
            ("d", "e", 1.0),
            ("e", "f", 1.0),
            ("d", "f", 1.0),
            ("c", "d", 0.5),
        ],
        false,
    );
    let a = run(&o);
    assert_eq!(a.communities.members, vec![vec![0, 1, 2], vec![3, 4, 5]]);
    // networkx modularity of {abc}, {def}.
    let q = a.communities.modularity.unwrap_or(0.0);
    assert!((q - 0.42307692307692313).abs() < 1e-12, "{q}");
    assert_eq!(a.group_communities[0].counts, vec![(0, 3), (1, 3)]);
}

#[test]
fn directed_strengths_and_reciprocity() {
    // a and b rate each other; a rates c; c rates nobody (non-respondent).
    let o = org(
        &[("a", "G"), ("b", "G"), ("c", "G")],
        &[("a", "b", 1.0), ("b", "a", 0.5), ("a", "c", 0.5)],
        true,
    );
    let a = run(&o);
    assert_eq!(a.nodes[0].out_strength, Some(1.5));
    assert_eq!(a.nodes[0].in_strength, Some(0.5));
    assert_eq!(a.nodes[2].in_strength, Some(0.5));
    assert_eq!(a.nodes[2].out_strength, Some(0.0));
    // 2 of 3 arcs have their reverse.
    assert!((a.reciprocity.unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-15);
    // p(a,b) = 0.75; p(a,c) = 0.5 (c's view unknown).
    assert_eq!(a.nodes[0].strength, 1.25);
    let ratings = gapscope::analysis::graph::digraph(&a.network);
    assert_eq!((ratings.node_count(), ratings.edge_count()), (3, 3));
    let undirected = run(&org(&[("a", "G"), ("b", "G")], &[("a", "b", 1.0)], false));
    let both = gapscope::analysis::graph::digraph(&undirected.network);
    assert_eq!(both.edge_count(), 2);
    assert_eq!(undirected.reciprocity, None);
    assert_eq!(undirected.nodes[0].in_strength, None);
}

#[test]
fn shortest_and_widest_paths_differ() {
    // a-b-d strong but long; a-c-d short but with a weak link.
    let o = org(
        &[("a", "G"), ("b", "G"), ("c", "G"), ("d", "G"), ("e", "G")],
        &[
            ("a", "b", 0.5),
            ("b", "d", 0.5),
            ("a", "c", 1.0),
            ("c", "d", 0.4),
        ],
        false,
    );
    let net = gapscope::model::Network::new(&o);
    let short = paths::shortest(&net, 0, 3).unwrap_or_else(|| panic!("connected"));
    assert_eq!(short.units, vec![0, 2, 3]);
    assert!((short.length - 3.5).abs() < 1e-12);
    assert_eq!(short.weakest, 0.4);
    let wide = paths::widest(&net, 0, 3).unwrap_or_else(|| panic!("connected"));
    assert_eq!(wide.units, vec![0, 1, 3]);
    assert_eq!(wide.strengths, vec![0.5, 0.5]);
    assert_eq!(wide.weakest, 0.5);
    assert_eq!(paths::shortest(&net, 0, 4), None);
    assert_eq!(paths::widest(&net, 0, 9), None);
    let same = paths::shortest(&net, 1, 1).unwrap_or_else(|| panic!("itself"));
    assert_eq!((same.units, same.length), (vec![1], 0.0));
}

#[test]
fn equally_short_routes_prefer_fewer_hops_despite_rounding() {
    // Three hops of 0.7 and one of 0.7/3 are equally long (30/7); in floating point the
    // three-hop sum comes out a hair shorter. The direct tie must win.
    let o = org(
        &[("a", "G"), ("b", "G"), ("c", "G"), ("d", "G")],
        &[
            ("a", "b", 0.7),
            ("b", "c", 0.7),
            ("c", "d", 0.7),
            ("a", "d", 0.2333333333333333),
        ],
        false,
    );
    let net = gapscope::model::Network::new(&o);
    let route = paths::shortest(&net, 0, 3).unwrap_or_else(|| panic!("connected"));
    assert_eq!(route.units, vec![0, 3]);
}
