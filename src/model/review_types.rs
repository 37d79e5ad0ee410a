//! The review part of a document: actions decided about pairs, the meetings, and dates.

use std::fmt;

use super::types::Extra;

/// An ISO calendar date (`YYYY-MM-DD`) that exists: `2028-02-29` yes, `2027-02-29` no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Whether a year of the Gregorian calendar has 29 February.
fn leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in a month (1-12) of a year.
fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date of a year, month and day, if it exists (years 0001 to 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two digits) of a date that exists.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            b[r].iter().try_fold(0u16, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
            })
        };
        let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    }

    /// The date `days` days after 1970-01-01 (negative: before), as from a Unix clock.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Today by the system clock (UTC). Reports take "today" as an argument instead, so
    /// that they can be tested; only the command line calls this.
    pub fn today_utc() -> Option<Date> {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        Date::from_unix_days(i64::try_from(secs / 86_400).ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ActionStatus {
    /// Still to do (the default).
    #[default]
    Open,
    /// Done.
    Done,
    /// Given up.
    Dropped,
}

impl ActionStatus {
    /// The name in the file: `open`, `done`, `dropped`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Every status, in file-name order of the format.
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The status named in a file.
    pub fn parse(text: &str) -> Option<ActionStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// What a review decided to do about an unordered pair.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Action {
    /// One end of the pair.
    pub from: String,
    /// The other end.
    pub to: String,
    /// What is to be done (non-empty).
    pub what: String,
    /// The initiative the action serves; `None`: the pair in general.
    pub initiative: Option<String>,
    /// Who does it.
    pub owner: Option<String>,
    /// By when.
    pub due: Option<Date>,
    /// As written in the file; `None` (absent) means open. See [`Action::status`].
    pub status: Option<ActionStatus>,
    /// When it was decided.
    pub decided: Option<Date>,
    /// The pair strength the action aims for, on the file's scale.
    pub expect: Option<f64>,
    /// Free text.
    pub note: Option<String>,
    /// `x-` keys of the action object.
    pub extra: Extra,
}

impl Action {
    /// The status, `open` when the file gives none.
    pub fn status(&self) -> ActionStatus {
        self.status.unwrap_or_default()
    }

    /// Whether the action is open and its due date lies before `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.status() == ActionStatus::Open && self.due.is_some_and(|d| d < today)
    }

    /// Whether the action is about the unordered pair `a`, `b`.
    pub fn is_on(&self, a: &str, b: &str) -> bool {
        (self.from == a && self.to == b) || (self.from == b && self.to == a)
    }
}

/// A meeting in which the gaps were reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// When it took place.
    pub date: Date,
    /// The initiative it looked at.
    pub initiative: Option<String>,
    /// Who took part (`None`: not recorded; an empty list is kept as written).
    pub who: Option<Vec<String>>,
    /// Free notes.
    pub notes: Option<String>,
    /// `x-` keys of the review object.
    pub extra: Extra,
}
