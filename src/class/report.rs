//! The class tally as CSV: one row per question, in lesson order. Column
//! names are data keys (the same in every language); the Markdown summary
//! for people is in `words::class`.

use super::tally::Snapshot;

/// The CSV header.
pub const CSV_HEADER: [&str; 10] = [
    "step",
    "question",
    "answered",
    "of",
    "right",
    "close",
    "wrong",
    "struggled",
    "slips",
    "median_secs",
];

/// The tally as CSV text (slips as `sign:2;forgot_mean:1`).
pub fn csv(snap: &Snapshot) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for q in &snap.questions {
        let slips: Vec<String> = (q.slips.iter())
            .map(|(s, n)| format!("{}:{n}", s.key()))
            .collect();
        w.write_record([
            q.step.clone(),
            q.question.clone(),
            q.answered.to_string(),
            q.of.to_string(),
            q.right.to_string(),
            q.close.to_string(),
            q.wrong.to_string(),
            q.struggled().to_string(),
            slips.join(";"),
            q.median_secs.map_or(String::new(), |t| format!("{t:.1}")),
        ])?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::class::protocol::{ClassState, SlipKind};
    use crate::class::tally::QuestionTally;

    #[test]
    fn one_row_per_question_with_slips_and_median() {
        let snap = Snapshot {
            class: "c".into(),
            lesson: "ch04".into(),
            state: ClassState::default(),
            learners: Vec::new(),
            questions: vec![QuestionTally {
                step: "s1".into(),
                question: "q1".into(),
                answered: 2,
                of: 3,
                right: 1,
                close: 0,
                wrong: 1,
                slips: vec![(SlipKind::Sign, 1)],
                median_secs: Some(15.0),
            }],
            wrong_codes: 0,
            refused_full: 0,
            dropped: 0,
        };
        let text = csv(&snap).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(lines[1], "s1,q1,2,3,1,0,1,2,sign:1,15.0");
    }
}
