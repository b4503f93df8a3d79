//! Tests of the review rules: for each rule a diagram that triggers it and one that does
//! not; every template reviews clean; planting works for every template × plantable rule.
