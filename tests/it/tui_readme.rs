//! README's key table is the keymap: this fails when they differ.
//! `GAPSCOPE_BLESS=1 cargo test --test tui_readme` rewrites the table from the keymap.

const BEGIN: &str =
    "<!-- keys:begin (generated from src/tui/keymap.rs; see tests/it/tui_readme.rs) -->\n";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_table_matches_the_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let want = gapscope::tui::keymap::markdown();
    let (Some(b), Some(e)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md lacks the key table markers:\n{BEGIN}{END}");
    };
    let have = &readme[b + BEGIN.len()..e];
    if have != want {
        if std::env::var("GAPSCOPE_BLESS").is_ok_and(|v| v == "1") {
            let new = format!("{}{want}{}", &readme[..b + BEGIN.len()], &readme[e..]);
            std::fs::write(path, new).expect("write README.md");
            return;
        }
        panic!("README's key table differs from the keymap; expected:\n{want}");
    }
}
