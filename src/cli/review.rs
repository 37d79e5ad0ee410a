//! `gapscope review FILE`: the screen, opened in review mode (one gap at a time).

use super::open::{self, ViewArg};
use super::{Cli, CliError, ScreenArgs, Status};

/// Examples shown by `gapscope review --help`.
pub(super) const REVIEW_HELP: &str = "\
Examples:
  gapscope review examples/seed.json --initiative ai
  gapscope review org.json --compare last-quarter.json

One gap at a time, the chosen initiative's target gaps first (worst first). Keys: Space,
Right, Down or j next gap; Left, Up or k back; A records an action; S changes the selected
action's status; m marks the gap discussed; p shows the plan; M writes the minutes; u undoes;
s saves; ? lists every key. Today's date comes from GAPSCOPE_TODAY (YYYY-MM-DD), else the
clock (UTC).

Exit status: 0 ok, 2 bad input.";

/// Arguments of `review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Org file ("-" reads standard input); none uses the built-in example.
    #[arg(value_name = "FILE")]
    pub file: Option<String>,
    /// Options of the screen.
    #[command(flatten)]
    pub screen: ScreenArgs,
}

/// Runs `review`: the screen with its first view set to the review.
pub(super) fn run(args: ReviewArgs, max_bytes: u64) -> Result<Status, CliError> {
    let mut screen = args.screen;
    screen.view = Some(ViewArg::Review);
    open::run(&Cli {
        file: args.file,
        max_bytes,
        screen,
        command: None,
    })
}
