//! A calendar date (`YYYY-MM-DD`) as days since 1970-01-01. Dates are compared and
//! subtracted, never formatted with time zones, so a day count is all the matcher needs,
//! and it is what the index stores in its compact columns (4 bytes). The calendar itself
//! (which days exist, months of different lengths) is `jiff`'s civil calendar.

use std::fmt;
use std::str::FromStr;

use jiff::civil;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

impl Date {
    pub fn from_days(days: i32) -> Date {
        Date { days }
    }

    /// Today in UTC, by the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i32)
    }

    pub fn days(self) -> i32 {
        self.days
    }

    /// The proleptic Gregorian date, or `None` when the day does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let (year, month, day) =
            (i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?);
        civil::Date::new(year, month, day).ok().map(Date::from_civil)
    }

    fn from_civil(d: civil::Date) -> Date {
        let days = epoch().until(d).expect("a civil date is within range of the epoch").get_days();
        Date { days }
    }

    fn civil(self) -> civil::Date {
        epoch()
            .checked_add(jiff::Span::new().days(i64::from(self.days)))
            .expect("a stored date is within jiff's range")
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let d = self.civil();
        (i32::from(d.year()), d.month() as u32, d.day() as u32)
    }

    pub fn add_days(self, days: i32) -> Date {
        Date { days: self.days + days }
    }

    /// The same day `months` calendar months later (the last day of the month where that
    /// day does not exist: 31 January + 1 month = 28 or 29 February); past the calendar's
    /// end (9999-12-31), its last day, before its start its first.
    pub fn add_months(self, months: i32) -> Date {
        let span = jiff::Span::new().try_months(i64::from(months));
        match span.ok().and_then(|s| self.civil().checked_add(s).ok()) {
            Some(d) => Date::from_civil(d),
            None if months > 0 => Date::from_civil(civil::Date::MAX),
            None => Date::from_civil(civil::Date::MIN),
        }
    }
}

fn epoch() -> civil::Date {
    civil::date(1970, 1, 1)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError(pub String);

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a date; expected YYYY-MM-DD, e.g. 2026-02-01", self.0)
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let err = || DateParseError(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateParseError> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(err());
            }
            part.parse().map_err(|_| err())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y as i32, m, d).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_past_the_calendar_end_stop_at_it() {
        let late: Date = "9990-06-15".parse().unwrap();
        assert_eq!(late.add_months(24 * 12).to_string(), "9999-12-31");
        let d: Date = "2026-01-31".parse().unwrap();
        assert_eq!(d.add_months(1).to_string(), "2026-02-28");
    }

    #[test]
    fn round_trips_and_rejects() {
        for s in ["1970-01-01", "2026-02-28", "2024-02-29", "2000-12-31", "2026-11-27"] {
            let d: Date = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!("1970-01-02".parse::<Date>().unwrap().days(), 1);
        assert_eq!(
            "2026-02-01".parse::<Date>().unwrap().days()
                - "2026-01-01".parse::<Date>().unwrap().days(),
            31
        );
        for bad in ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-01", "2026-01-0a", ""] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert_eq!("1969-12-31".parse::<Date>().unwrap().days(), -1);
        assert_eq!(Date::from_days(-1).to_string(), "1969-12-31");
    }

    #[test]
    fn adds_calendar_months() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2026-01-15").add_months(6), d("2026-07-15"));
        assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
        assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
        assert_eq!(d("2026-11-30").add_months(3), d("2027-02-28"));
        assert_eq!(d("2026-06-12").add_months(-3), d("2026-03-12"));
    }
}
