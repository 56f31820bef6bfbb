//! Issue 20, items 3 and 4: PDFs that cost far more to read than their
//! size. A stream many pages share is decoded once and decoded bytes are
//! budgeted; a page showing a string a hundred thousand times is left out
//! before its text is extracted, and laying out runs is n·log n.

#[path = "support/heap_peak.rs"]
mod heap_peak;
#[path = "support/pdf_doc.rs"]
mod pdf_doc;

#[global_allocator]
static HEAP: heap_peak::Counting = heap_peak::Counting;

use std::io::Write;

use gloss::brief::pdf::extract::{Run, extract};
use gloss::brief::pdf::order::lines_in_order;
use gloss::brief::pdf::table::take;
use pdf_doc::{pdf, raw_pdf, text};

/// A page showing `ab` `shows` times, each one point right of the last.
fn crowded_page(shows: usize) -> String {
    let mut page = String::from("BT /F1 10 Tf 72 700 Td\n");
    for _ in 0..shows {
        page.push_str("(ab) Tj 1 0 Td\n");
    }
    page.push_str("ET\n");
    page
}

fn ordinary_page() -> String {
    text("F1", 10, 72, 700, "An ordinary page of the report.")
}

/// #4: a page showing a string 30,000 times is left out, with a warning,
/// before the PDF reader extracts it (160,000 took 22 s to open); the
/// other pages are read.
#[test]
fn a_page_showing_text_thirty_thousand_times_is_left_out_before_extraction() {
    let _alone = heap_peak::alone();
    let bytes = pdf(&[ordinary_page(), crowded_page(30_000)]);
    let extracted = extract(bytes, None).unwrap();
    assert_eq!(extracted.pages.len(), 2);
    assert!(!extracted.pages[0].runs.is_empty());
    assert!(
        extracted.pages[1].runs.is_empty(),
        "{} runs extracted",
        extracted.pages[1].runs.len()
    );
    let warning = extracted.warning.unwrap_or_default();
    assert!(warning.contains("over 20000 pieces of text"), "{warning}");
    // A file of such pages alone says so, not that it is a scan.
    let only = extract(pdf(&[crowded_page(30_000)]), None).unwrap_err();
    assert!(
        only.to_string()
            .contains("every page shows over 20000 pieces of text"),
        "{only}"
    );
}

/// `n` runs of `ab` on one baseline, each one point right of the last,
/// as such a page gives them.
fn runs_on_one_line(n: usize) -> Vec<Run> {
    (0..n)
        .map(|i| Run {
            text: "ab".to_string(),
            x0: 72.0 + i as f32,
            x1: 83.0 + i as f32,
            top: 92.0,
            bottom: 102.0,
            size: 10.0,
            bold: false,
            italic: false,
        })
        .collect()
}

/// #4: a page's many runs on one baseline make one line and no table.
/// How the layout grows with the runs is measured by the `hostile` bench.
#[test]
fn runs_on_one_line_are_laid_out_as_one_line() {
    let large = runs_on_one_line(24_000);
    let lay_out = |runs: &[Run]| {
        let (tables, rest) = take(runs, None);
        assert!(tables.is_empty());
        let lines = lines_in_order(&rest);
        assert_eq!(lines.len(), 1);
    };
    lay_out(&large);
}

/// A Flate stream object whose content is `size` spaces and one line of
/// text: a few KB that inflate to `size` bytes.
fn bomb_stream(size: usize) -> Vec<u8> {
    let mut content = vec![b' '; size];
    content.extend_from_slice(ordinary_page().as_bytes());
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&content).unwrap();
    let packed = z.finish().unwrap();
    let mut object = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    object.extend_from_slice(&packed);
    object.extend_from_slice(b"\nendstream");
    object
}

/// A PDF of `pages` pages; each lists content stream 5 (when `shared`)
/// or a stream of its own, every stream inflating to `size` bytes.
fn bomb(pages: usize, size: usize, shared: bool) -> Vec<u8> {
    let stream = bomb_stream(size);
    if shared {
        with_streams(vec![stream], &vec![0; pages])
    } else {
        with_streams(vec![stream; pages], &(0..pages).collect::<Vec<_>>())
    }
}

/// A PDF whose page `k` lists stream `listed[k]` of `streams`.
fn with_streams(streams: Vec<Vec<u8>>, listed: &[usize]) -> Vec<u8> {
    let first_page = 5 + streams.len();
    let kids: Vec<String> = (0..listed.len())
        .map(|k| format!("{} 0 R", first_page + k))
        .collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            listed.len()
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< >>".to_vec(),
    ];
    objects.extend(streams);
    for stream in listed {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R \
                 /Resources << /Font << /F1 3 0 R >> >> >>",
                5 + stream
            )
            .into_bytes(),
        );
    }
    let bodies: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    raw_pdf(&bodies)
}

/// #3: ten pages listing one stream that inflates to 16 MB hold it about
/// once (each page held its own copy: 100 MB × 10 pages peaked at 1.1 GB),
/// and every page still gives its text.
#[test]
fn a_stream_ten_pages_share_is_decoded_once() {
    let _alone = heap_peak::alone();
    const SIZE: usize = 16 * 1024 * 1024;
    let bytes = bomb(10, SIZE, true);
    assert!(bytes.len() < SIZE / 100, "{} bytes", bytes.len());
    let (peak, extracted) = heap_peak::peak_extra(|| extract(bytes, None).unwrap());
    assert_eq!(extracted.pages.len(), 10);
    assert!(extracted.pages.iter().all(|p| !p.runs.is_empty()));
    assert!(
        peak < 4 * SIZE,
        "peak heap {} MB for a {} MB stream",
        peak >> 20,
        SIZE >> 20
    );
}

/// #3: past 256 MB of decoded content the rest of the pages are left out,
/// with a warning that says so, and what was read is kept.
#[test]
fn decoded_bytes_are_budgeted_per_document() {
    let _alone = heap_peak::alone();
    const SIZE: usize = 40 * 1024 * 1024;
    let bytes = bomb(10, SIZE, false);
    let (peak, extracted) = heap_peak::peak_extra(|| extract(bytes, None).unwrap());
    assert_eq!(extracted.pages.len(), 6, "pages read");
    let warning = extracted.warning.unwrap_or_default();
    assert!(
        warning.contains("only the first 6 of 10 pages are read"),
        "{warning}"
    );
    assert!(peak < 512 * 1024 * 1024, "peak heap {} MB", peak >> 20);
}

/// #5: a look at the first pages (the library's, for title and authors)
/// reads those pages alone: the PDF reader's pass over every page for
/// running heads once made it read a long or cut report whole.
#[test]
fn the_first_pages_are_read_without_the_rest() {
    let _alone = heap_peak::alone();
    const SIZE: usize = 16 * 1024 * 1024;
    // Page 1 is an ordinary page; pages 2 and 3 inflate to 16 MB each.
    let streams = vec![bomb_stream(0), bomb_stream(SIZE), bomb_stream(SIZE)];
    let bytes = with_streams(streams, &[0, 1, 2]);
    let (peak, extracted) = heap_peak::peak_extra(|| extract(bytes, Some(1)).unwrap());
    assert_eq!(extracted.pages.len(), 1);
    assert!(!extracted.pages[0].runs.is_empty());
    assert!(peak < SIZE / 2, "peak heap {} MB", peak >> 20);
}

/// A report of `pages` pages, each page's object after its stream, cut
/// at half its bytes (a broken download).
fn cut_report(pages: usize) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        Vec::new(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let mut kids = Vec::new();
    for i in 0..pages {
        let content = text("F1", 10, 72, 700, &format!("Page {i} of the long report."));
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len() + 1
            )
            .into_bytes(),
        );
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R \
                 /Resources << /Font << /F1 3 0 R >> >> >>",
                objects.len()
            )
            .into_bytes(),
        );
        kids.push(format!("{} 0 R", objects.len()));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    )
    .into_bytes();
    let bodies: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    let whole = raw_pdf(&bodies);
    whole[..whole.len() / 2].to_vec()
}

/// #5: a long report cut at half its bytes is read with a warning that
/// pages are missing (a run of missing pages ends the looking, which took
/// over 60 s on a 5,000-page one; the `hostile` bench measures it).
#[test]
fn a_cut_report_is_read_with_its_missing_pages_named() {
    let large = cut_report(1_200);
    let read = |bytes: &[u8]| {
        let extracted = extract(bytes.to_vec(), None).unwrap();
        let warning = extracted.warning.unwrap_or_default();
        assert!(warning.contains("pages could not be read"), "{warning}");
    };
    read(&large);
}
