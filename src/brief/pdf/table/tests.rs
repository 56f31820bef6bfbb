use super::*;

/// A run of size 10 at (x0, top): 10 points a CJK character, 5 others.
fn run(text: &str, x0: f32, top: f32) -> Run {
    sized(text, x0, top, 10.0)
}

fn sized(text: &str, x0: f32, top: f32, size: f32) -> Run {
    let width: f32 = text
        .chars()
        .map(|c| if order::is_wide(c) { size } else { size / 2.0 })
        .sum();
    Run {
        text: text.to_string(),
        x0,
        x1: x0 + width,
        top,
        bottom: top + size,
        size,
        bold: false,
        italic: false,
    }
}

fn cells(table: &Table) -> Vec<Vec<&str>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(String::as_str).collect())
        .collect()
}

/// A timetable: three columns, a blank between rows, a wrapped cell set
/// vertically centred beside one-line cells.
fn timetable() -> Vec<Run> {
    vec![
        run("時間", 50.0, 100.0),
        run("議程", 200.0, 100.0),
        run("說明", 330.0, 100.0),
        run("14:20-14:30", 50.0, 130.0),
        run("報到", 200.0, 130.0),
        run("行政院唐政務委員兼副召集人鳳", 330.0, 155.0),
        run("14:30-14:35", 50.0, 161.5),
        run("開幕詞", 200.0, 161.5),
        run("致詞", 330.0, 168.0),
        run("14:35-15:25", 50.0, 195.0),
        run("與會者自我介紹", 200.0, 195.0),
        run("名單如附", 330.0, 195.0),
    ]
}

#[test]
fn columns_that_line_up_over_rows_make_a_table_of_rows_and_cells() {
    let (tables, rest) = take(&timetable(), None);
    assert!(rest.is_empty(), "{rest:?}");
    assert_eq!(tables.len(), 1);
    assert_eq!(
        cells(&tables[0]),
        [
            vec!["時間", "議程", "說明"],
            vec!["14:20-14:30", "報到", ""],
            // The centred cell's two lines are one cell, CJK joined tight.
            vec!["14:30-14:35", "開幕詞", "行政院唐政務委員兼副召集人鳳致詞"],
            vec!["14:35-15:25", "與會者自我介紹", "名單如附"],
        ]
    );
    assert_eq!(tables[0].top, 100.0);
}

#[test]
fn text_around_a_table_stays_for_the_reading_order() {
    let mut runs = vec![run(
        "A paragraph above the table that runs the whole width of it.",
        50.0,
        60.0,
    )];
    runs.extend(timetable());
    // A heading in larger type under the table is past it, even with a
    // table of the same columns under it.
    runs.push(sized("Next steps", 50.0, 230.0, 14.0));
    for top in [260.0, 290.0] {
        runs.push(run("15:25-16:55", 50.0, top));
        runs.push(run("討論", 200.0, top));
    }
    let (tables, rest) = take(&runs, None);
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].rows.len(), 4);
    assert_eq!(tables[1].rows.len(), 2);
    let left: Vec<&str> = rest.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        left,
        [
            "A paragraph above the table that runs the whole width of it.",
            "Next steps"
        ]
    );
}

#[test]
fn a_list_with_hanging_bullets_or_numbers_is_no_table() {
    let mut runs = Vec::new();
    for (k, marker) in ["•", "•", "•"].iter().enumerate() {
        let top = 100.0 + k as f32 * 30.0;
        runs.push(run(marker, 50.0, top));
        runs.push(run("An item of the list, set after its bullet", 65.0, top));
    }
    assert!(take(&runs, None).0.is_empty());
    let numbered: Vec<Run> = ["1.", "2.", "3."]
        .iter()
        .enumerate()
        .flat_map(|(k, n)| {
            let top = 100.0 + k as f32 * 30.0;
            [run(n, 50.0, top), run("A numbered item", 70.0, top)]
        })
        .collect();
    assert!(take(&numbered, None).0.is_empty());
}

/// Lines of running text in two columns, 40 characters (200 points) wide.
fn prose_columns(paragraphs: &[(f32, usize)], x0: f32) -> Vec<Run> {
    let mut runs = Vec::new();
    for &(top, lines) in paragraphs {
        for k in 0..lines {
            runs.push(run(
                "running text of a column set full width.",
                x0,
                top + k as f32 * 12.0,
            ));
        }
    }
    runs
}

#[test]
fn two_columns_of_running_text_are_no_table_though_paragraphs_start_together() {
    // Both columns start a paragraph at 100 and at 160; the others differ.
    let mut runs = prose_columns(&[(100.0, 4), (160.0, 3), (208.0, 5)], 50.0);
    runs.extend(prose_columns(&[(100.0, 4), (160.0, 6), (244.0, 2)], 300.0));
    assert!(take(&runs, None).0.is_empty());
}

#[test]
fn a_dense_table_of_short_cells_has_a_row_for_every_line() {
    let mut runs = Vec::new();
    for (k, (name, count)) in [("Alpha", "12"), ("Beta", "7"), ("Gamma", "30")]
        .iter()
        .enumerate()
    {
        let top = 100.0 + k as f32 * 12.0;
        runs.push(run(name, 50.0, top));
        runs.push(run(count, 200.0, top));
    }
    let (tables, _) = take(&runs, None);
    assert_eq!(
        cells(&tables[0]),
        [vec!["Alpha", "12"], vec!["Beta", "7"], vec!["Gamma", "30"]]
    );
}

#[test]
fn a_word_set_letter_spaced_is_one_piece_not_two_cells() {
    let title = [
        sized("議", 200.0, 50.0, 20.0),
        sized("程", 260.0, 50.0, 20.0),
    ];
    let band: Vec<&Run> = title.iter().collect();
    assert_eq!(pieces(&band).len(), 1);
    let cells = [run("Name", 50.0, 50.0), run("Role", 200.0, 50.0)];
    let band: Vec<&Run> = cells.iter().collect();
    assert_eq!(pieces(&band).len(), 2);
}

#[test]
fn text_that_comes_close_to_the_next_column_still_parts_at_its_edge() {
    let mut runs = timetable();
    // Three points short of the second column: less than a gap.
    let mut close = run("14:55-15:00 and then some more", 50.0, 225.0);
    close.x1 = 197.0;
    runs.push(close);
    runs.push(run("茶敘", 200.0, 225.0));
    let (tables, _) = take(&runs, None);
    let last = tables[0].rows.last().unwrap();
    assert_eq!(last.cells, ["14:55-15:00 and then some more", "茶敘", ""]);
}

#[test]
fn one_row_at_the_top_of_a_page_is_a_table_when_it_goes_on_from_the_last() {
    let runs = [
        run("Recommendation 9", 50.0, 70.0),
        run("Agree. See above.", 200.0, 70.0),
        run("Summer 2025", 330.0, 70.0),
    ];
    assert!(take(&runs, None).0.is_empty());
    let (tables, rest) = take(&runs, Some(&[50.0, 200.0, 330.0]));
    assert!(rest.is_empty());
    assert!(tables[0].goes_on);
    assert_eq!(tables[0].rows.len(), 1);
    // Columns elsewhere are another table's.
    assert!(take(&runs, Some(&[50.0, 260.0, 330.0])).0.is_empty());
}

#[test]
fn a_lone_paragraph_in_one_column_goes_on_the_cell_above() {
    let runs = [
        run("Recommendation 1", 50.0, 100.0),
        run("Agree.", 200.0, 100.0),
        run("Spring", 330.0, 100.0),
        run("b) a second part", 50.0, 130.0),
        run("Recommendation 2", 50.0, 160.0),
        run("Agree too.", 200.0, 160.0),
        run("Autumn", 330.0, 160.0),
    ];
    let (tables, _) = take(&runs, None);
    assert_eq!(
        cells(&tables[0]),
        [
            vec!["Recommendation 1 b) a second part", "Agree.", "Spring"],
            vec!["Recommendation 2", "Agree too.", "Autumn"],
        ]
    );
}

#[test]
fn column_heads_just_over_the_rows_belong_to_the_table_in_bold() {
    let mut head = run("Interpretation", 200.0, 78.0);
    head.bold = true;
    let mut runs = vec![head];
    for (k, label) in ["Purple", "Pink", "Blue"].iter().enumerate() {
        let top = 100.0 + k as f32 * 30.0;
        let mut name = run(label, 50.0, top);
        name.bold = true;
        runs.push(name);
        runs.push(run("A cluster of statements", 200.0, top));
    }
    let (tables, rest) = take(&runs, None);
    assert!(rest.is_empty());
    assert_eq!(tables[0].top, 78.0);
    assert_eq!(tables[0].rows[0].cells, ["", "Interpretation"]);
    assert!(tables[0].rows[0].header);
    assert!(!tables[0].rows[1].header);
}

#[test]
fn a_row_cut_by_a_page_break_is_made_whole() {
    let mut row = Row {
        cells: vec!["Set out a long-".into(), "行政院".into()],
        header: false,
        cut: false,
    };
    row.join(Row {
        cells: vec!["term plan".into(), "致詞".into()],
        header: false,
        cut: false,
    });
    assert_eq!(row.cells, ["Set out a long-term plan", "行政院致詞"]);
    assert!(row.cut);
}

#[test]
fn markers_are_bullets_and_short_numbers() {
    for marker in [
        "•",
        "-",
        "3.",
        "(b)",
        "iv)",
        "二、",
        "12",
        "第十二條",
        "1.1",
    ] {
        assert!(is_marker(marker), "{marker}");
    }
    for text in [
        "Version 2.1",
        "Recommendation 1",
        "Name",
        "14:20-14:30",
        "第一組",
    ] {
        assert!(!is_marker(text), "{text}");
    }
}

#[test]
fn text_scattered_over_more_columns_than_a_table_has_is_no_table() {
    let mut runs = Vec::new();
    for line in 0..20 {
        for col in 0..40 {
            runs.push(run("xy", col as f32 * 20.0, line as f32 * 30.0));
        }
    }
    let (tables, rest) = take(&runs, None);
    assert!(tables.is_empty());
    assert_eq!(rest.len(), runs.len());
}

#[test]
fn heads_set_in_the_margin_beside_their_sections_are_no_table() {
    let mut runs = Vec::new();
    for (k, head) in ["Scope", "Method", "Findings"].iter().enumerate() {
        let top = 100.0 + k as f32 * 60.0;
        runs.push(sized(head, 50.0, top, 12.0));
        for line in 0..3 {
            runs.push(run(
                "running text of the section, set full width.",
                150.0,
                top + line as f32 * 12.0,
            ));
        }
    }
    assert!(take(&runs, None).0.is_empty());
}
