//! Where a segment's vacancies lie, so a pass reads only those within a person's reach.
//!
//! The vacancies with a location are bucketed by cell (0.05° of latitude by 0.075° of
//! longitude, about 5.6 by 5.1 km in the Netherlands: small enough that most of a
//! person's reach is made of cells wholly within it, whose vacancies need no distance
//! check); each bucket keeps a centre and the largest chord from it to any of its
//! vacancies. A pass reads, per person, each bucket's [`Reach`], and per document its
//! bucket (a column beside the occupation and traits ids). The distance rule compares chords on
//! the unit sphere (`Position::chord2` against the person's `max_commute_chord2`), and
//! chords are straight-line distances in space, so the triangle inequality holds: when
//! the chord from the person to a bucket's centre, less the bucket's radius, exceeds the
//! person's reach, every vacancy in it lies beyond reach and the rule would block it. So
//! skipping the bucket changes nothing: the equivalence property test holds the passes
//! to the reference ranker on data with near and far vacancies and radii at the boundary.
//! Vacancies without a location are never skipped (their distance is a question).

use std::collections::BTreeMap;
use std::ops::Range;

use opstap_core::compiled::Position;
use tantivy::DocId;

/// Cell size in degrees.
const CELL_LAT: f64 = 0.05;
const CELL_LON: f64 = 0.075;
/// Slack on the skip test against rounding (chords of this order are ~1e-3).
const SLACK: f64 = 1e-12;

#[derive(Debug)]
struct Bucket {
    centre: Position,
    /// The largest chord from `centre` to a vacancy in the bucket.
    radius: f64,
    /// Ascending.
    docs: Vec<DocId>,
    /// Beside `docs`, what a pass reads of each first ([`Spatial::keep_keys`]).
    keys: Vec<RunKey>,
}

/// What a pass that classifies every vacancy reads of each first: the packed occupation
/// and traits ids and the qualifications id, kept in the order of the bucket's documents
/// so that a pass over a person's reach reads them front to back (from the columns by
/// document it would read one cache line for each).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RunKey {
    pub(crate) occupation_traits: u32,
    pub(crate) qualifications: u32,
}

/// The segment's vacancies by place.
#[derive(Debug, Default)]
pub(crate) struct Spatial {
    buckets: Vec<Bucket>,
    /// Ascending.
    unlocated: Vec<DocId>,
    unlocated_keys: Vec<RunKey>,
}

/// Where a bucket lies from a person: beyond their reach (every vacancy in it), wholly
/// within it, or partly (the distance rule is checked per vacancy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    Beyond,
    Within,
    Check,
}

/// A person's [`Reach`] of every bucket of one segment, read per document.
#[derive(Debug)]
pub(crate) struct ReachOf<'a> {
    spatial: &'a Spatial,
    /// By bucket, and last the unlocated (never too far: their distance is a question).
    reach: Vec<Reach>,
    /// The documents in buckets not beyond reach, unlocated ones included.
    pub(crate) reachable: usize,
    /// Some bucket lies partly within reach (its vacancies' distances are checked).
    pub(crate) checks: bool,
}

impl<'a> ReachOf<'a> {
    /// The reach of a document in this bucket (as [`Spatial::new`] numbered them).
    #[inline(always)]
    pub(crate) fn of_bucket(&self, bucket: u32) -> Reach {
        self.reach[bucket as usize]
    }

    /// The documents of [`Self::runs`] as ascending, disjoint ranges, each as long as it
    /// can be. The index keeps a segment's documents in cell order ([`sort_key`]), so a
    /// bucket is one range and a row of buckets within reach often one too.
    pub(crate) fn doc_ranges(&self) -> Vec<Range<DocId>> {
        let mut ranges: Vec<Range<DocId>> = Vec::new();
        for run in self.runs() {
            match (run.docs.first(), run.docs.last()) {
                // A run of consecutive documents (every bucket of a segment in cell order).
                (Some(&first), Some(&last)) if (last - first) as usize + 1 == run.docs.len() => {
                    ranges.push(first..last + 1)
                }
                _ => ranges.extend(run.docs.iter().map(|&doc| doc..doc + 1)),
            }
        }
        ranges.sort_unstable_by_key(|r| r.start);
        // Ranges next to each other in document order join (runs never overlap).
        let mut joined: Vec<Range<DocId>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match joined.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => joined.push(r),
            }
        }
        joined
    }

    /// The vacancies not beyond reach, unlocated ones included, as runs of ascending
    /// document ids (bucket by bucket): a superset of those the distance rule lets
    /// through.
    pub(crate) fn runs(&self) -> Vec<Run<'a>> {
        let s = self.spatial;
        let mut out =
            vec![Run { docs: &s.unlocated, keys: &s.unlocated_keys, check_distance: false }];
        for (b, r) in s.buckets.iter().zip(&self.reach) {
            if *r != Reach::Beyond {
                out.push(Run { docs: &b.docs, keys: &b.keys, check_distance: *r == Reach::Check });
            }
        }
        out
    }
}

/// The cell of a place: (row, column) of the grid.
fn cell_of(p: Position) -> (i32, i32) {
    let (lat, lon) = p.lat_lon();
    ((lat / CELL_LAT).floor() as i32, (lon / CELL_LON).floor() as i32)
}

/// The value the index sorts a segment's documents by (the `cell` column): ascending in
/// the cell's (row, column), so the documents of one cell are consecutive and a row of
/// cells is one range of documents; the unlocated last. A person's reach is then a few
/// ranges of documents, whose postings a pass reads by skipping to them.
pub(crate) fn sort_key(location: Option<Position>) -> u64 {
    // `i32` to `u32` keeping the order (the sign bit flipped).
    let order = |x: i32| u64::from(x.cast_unsigned() ^ 0x8000_0000);
    location.map_or(u64::MAX, |p| {
        let (row, column) = cell_of(p);
        (order(row) << 32) | order(column)
    })
}

impl Spatial {
    /// The buckets, and by document its bucket (`Spatial`'s number of buckets for an
    /// unlocated one). Buckets are numbered in the order of their cells' [`sort_key`].
    pub(crate) fn new(location: &[Option<Position>]) -> (Spatial, Vec<u32>) {
        let mut cells: BTreeMap<(i32, i32), Vec<DocId>> = BTreeMap::new();
        let mut unlocated = Vec::new();
        for (doc, at) in location.iter().enumerate() {
            let doc = doc as DocId;
            match at {
                Some(p) => cells.entry(cell_of(*p)).or_default().push(doc),
                None => unlocated.push(doc),
            }
        }
        let mut bucket_of = vec![cells.len() as u32; location.len()];
        for (b, docs) in cells.values().enumerate() {
            for &d in docs {
                bucket_of[d as usize] = b as u32;
            }
        }
        let buckets = cells
            .into_iter()
            .map(|((la, lo), docs)| {
                let centre = Position::new(
                    (f64::from(la) + 0.5) * CELL_LAT,
                    (f64::from(lo) + 0.5) * CELL_LON,
                );
                let radius = docs
                    .iter()
                    .filter_map(|d| location[*d as usize])
                    .map(|p| centre.chord2(p).sqrt())
                    .fold(0.0, f64::max);
                Bucket { centre, radius, docs, keys: Vec::new() }
            })
            .collect();
        (Spatial { buckets, unlocated, unlocated_keys: Vec::new() }, bucket_of)
    }

    /// Keeps each document's [`RunKey`] beside it in its bucket (before, runs have none).
    pub(crate) fn keep_keys(&mut self, key_of: impl Fn(DocId) -> RunKey) {
        let keys = |docs: &[DocId]| docs.iter().map(|&d| key_of(d)).collect();
        self.unlocated_keys = keys(&self.unlocated);
        for b in &mut self.buckets {
            b.keys = keys(&b.docs);
        }
    }

    /// How far each bucket lies from `from` for a reach of `max_chord2` (the same test
    /// as [`Self::within`]).
    pub(crate) fn reach(&self, from: Position, max_chord2: f64) -> ReachOf<'_> {
        let reach_km = max_chord2.sqrt();
        let mut reachable = self.unlocated.len();
        let mut reach: Vec<Reach> = self
            .buckets
            .iter()
            .map(|b| {
                let to_centre = from.chord2(b.centre).sqrt();
                if to_centre - b.radius > reach_km + SLACK {
                    return Reach::Beyond;
                }
                reachable += b.docs.len();
                if to_centre + b.radius <= reach_km - SLACK { Reach::Within } else { Reach::Check }
            })
            .collect();
        reach.push(Reach::Within);
        let checks = reach.contains(&Reach::Check);
        ReachOf { spatial: self, reach, reachable, checks }
    }
}

/// Ascending documents of one bucket, and whether some of them may lie beyond reach (then
/// the distance rule is checked per vacancy; else every one is within reach).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run<'a> {
    pub(crate) docs: &'a [DocId],
    /// By `docs`' index (empty where the segment keeps none, [`Spatial::keep_keys`]).
    pub(crate) keys: &'a [RunKey],
    pub(crate) check_distance: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_keeps_every_vacancy_in_reach_and_the_unlocated_and_skips_the_far() {
        let at = |lat: f64, lon: f64| Some(Position::new(lat, lon));
        let own: Vec<Option<Position>> = vec![
            at(52.078, 4.313), // Den Haag
            at(52.011, 4.357), // Delft, 8 km
            at(53.219, 6.567), // Groningen, far
            None,
            at(51.441, 5.469), // Eindhoven, far
        ];
        let (s, bucket_of) = Spatial::new(&own);
        let from = Position::new(52.078, 4.313);
        let max = Position::chord2_of_km(20.0);
        let docs = |runs: Vec<Run<'_>>| {
            let mut all: Vec<DocId> = runs.iter().flat_map(|r| r.docs).copied().collect();
            all.sort_unstable();
            all
        };
        assert_eq!(docs(s.reach(from, max).runs()), [0, 1, 3]);
        // Every vacancy within reach is kept, whatever the reach.
        for km in [1.0, 8.0, 8.5, 50.0, 150.0, 250.0] {
            let max = Position::chord2_of_km(km);
            let kept = docs(s.reach(from, max).runs());
            for (d, o) in own.iter().enumerate() {
                if o.is_none_or(|p| from.chord2(p) <= max) {
                    assert!(kept.contains(&(d as DocId)), "{km} km: {d} dropped");
                }
            }
            // As ranges: the same documents, ascending, apart, none empty.
            let ranges = s.reach(from, max).doc_ranges();
            let in_ranges: Vec<DocId> = ranges.iter().flat_map(|r| r.clone()).collect();
            assert_eq!(in_ranges, kept, "{km} km");
            assert!(ranges.windows(2).all(|w| w[0].end < w[1].start), "{km} km: {ranges:?}");
            assert!(ranges.iter().all(|r| !r.is_empty()), "{km} km: {ranges:?}");
            // Per document, the same as the runs say.
            let r = s.reach(from, max);
            for d in 0..own.len() as DocId {
                let run = r.runs().into_iter().find(|run| run.docs.contains(&d));
                let expected = match run.map(|run| run.check_distance) {
                    None => Reach::Beyond,
                    Some(true) => Reach::Check,
                    Some(false) => Reach::Within,
                };
                assert_eq!(r.of_bucket(bucket_of[d as usize]), expected, "{km} km: {d}");
                assert_eq!(r.reachable, kept.len(), "{km} km");
            }
            // A run said to lie within reach holds only vacancies within reach.
            for run in s.reach(from, max).runs() {
                for &d in run.docs.iter().filter(|_| !run.check_distance) {
                    let p = own[d as usize];
                    assert!(p.is_none_or(|p| from.chord2(p) <= max), "{km} km: {d} is not within");
                }
            }
        }
        // Kept keys go with their documents, in every run.
        let mut s = s;
        assert!(s.reach(from, max).runs().iter().all(|run| run.keys.is_empty()));
        s.keep_keys(|doc| RunKey { occupation_traits: doc * 3, qualifications: doc + 7 });
        for run in s.reach(from, Position::chord2_of_km(250.0)).runs() {
            assert_eq!(run.keys.len(), run.docs.len());
            for (doc, key) in run.docs.iter().zip(run.keys) {
                assert_eq!((key.occupation_traits, key.qualifications), (doc * 3, doc + 7));
            }
        }
        // Within 30 km of Den Haag its own cell lies whole (no check per vacancy), as do
        // the unlocated; Groningen's cell is not read at all.
        let runs = s.reach(from, Position::chord2_of_km(30.0)).runs();
        let inside: Vec<DocId> =
            runs.iter().filter(|r| !r.check_distance).flat_map(|r| r.docs).copied().collect();
        assert!(inside.contains(&0) && inside.contains(&3) && !inside.contains(&2), "{inside:?}");
    }

    /// A bucket whose documents are not consecutive (a segment not in cell order) gives
    /// a range per stretch of them.
    #[test]
    fn doc_ranges_split_a_bucket_whose_documents_are_apart() {
        let at = |lat: f64, lon: f64| Some(Position::new(lat, lon));
        // 0, 2 and 3 in one cell in Den Haag; 1 in Groningen, beyond reach.
        let own = vec![at(52.078, 4.313), at(53.219, 6.567), at(52.079, 4.314), at(52.077, 4.312)];
        let (s, _) = Spatial::new(&own);
        let ranges =
            s.reach(Position::new(52.078, 4.313), Position::chord2_of_km(10.0)).doc_ranges();
        assert_eq!(ranges, [0..1, 2..4]);
    }
}
