mod support;

use caseboard::formats::caption::Caption;
use caseboard::formats::first_paint::{cards_bounds, html, premise_scene, ROOT_ID};
use caseboard::formats::svg::{bounds, render};
use caseboard::model::board::Arrangement;
use caseboard::model::geometry::{Point, Rect, Viewport};
use caseboard::model::horizon::Horizon;
use caseboard::model::universe::Universe;
use support::ballard;

const ARRANGEMENTS: [(Arrangement, &str); 2] = [(Arrangement::Wide, "wide"), (Arrangement::Tall, "tall")];

/// The picture of one arrangement in the first paint: its opening tag and what it draws.
fn picture<'a>(page: &'a str, arrangement: &str) -> (&'a str, &'a str) {
    let start = page.find(&format!("data-arrangement=\"{arrangement}\"")).expect("the arrangement's picture");
    let open_end = start + page[start..].find('>').unwrap() + 1;
    let close = open_end + page[open_end..].find("</svg>").unwrap();
    (&page[start..open_end], &page[open_end..close])
}

/// The ids of the cards a drawing holds, in order.
fn card_ids(drawing: &str) -> Vec<&str> {
    drawing
        .split("<g data-card=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id))
        .collect()
}

#[test]
fn the_committed_first_paint_is_what_the_model_draws_now() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/first-paint.html"))
        .expect("static/first-paint.html");
    assert!(
        committed == html(ballard()),
        "static/first-paint.html is out of date: run `cargo run --example first_paint > static/first-paint.html`"
    );
}

#[test]
fn the_first_paint_holds_only_the_premise() {
    let page = html(ballard());
    let premise: Vec<&str> = ballard()
        .entities
        .iter()
        .filter(|e| e.premise && e.first_episode.is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert!(!premise.is_empty());
    for (_, name) in ARRANGEMENTS {
        let mut shown = card_ids(picture(&page, name).1);
        shown.sort_unstable();
        let mut expected = premise.clone();
        expected.sort_unstable();
        assert_eq!(shown, expected, "{name}: every premise card and no other");
    }
    for entity in ballard().entities.iter().filter(|e| !premise.contains(&e.id.as_str())) {
        assert!(
            !page.contains(&format!("data-card=\"{}\"", entity.id)),
            "{} is beyond the premise",
            entity.id
        );
        assert!(!page.contains(&format!(">{}<", entity.name)), "{} is beyond the premise", entity.name);
    }
    for link in ballard().links.iter().filter(|l| !l.premise) {
        assert!(
            !page.contains(&format!(">{}<", link.label)),
            "the string '{}' is beyond the premise",
            link.label
        );
    }
    assert_eq!(page.matches("<g data-card=").count(), 2 * premise.len());
}

#[test]
fn each_picture_is_the_svg_exports_drawing_of_the_same_board() {
    let page = html(ballard());
    for (arrangement, name) in ARRANGEMENTS {
        let scene = premise_scene(ballard(), arrangement);
        // As "Export picture" makes it of a fresh board behind the first-visit question.
        let caption = Caption::new("Ballard board", &ballard().title, Horizon::Nothing);
        let export = render(&scene, bounds(&scene).unwrap().grown(48.0), Some(&caption)).svg;
        let (_, drawing) = picture(&page, name);
        assert!(
            drawing.len() > 1_000 && export.contains(drawing),
            "{name}: the export's drawing, byte for byte"
        );
        assert_eq!(card_ids(drawing), scene.cards.iter().map(|c| c.id.as_str()).collect::<Vec<_>>());
    }
}

#[test]
fn each_picture_is_framed_by_the_cards_the_app_fits() {
    let page = html(ballard());
    for (arrangement, name) in ARRANGEMENTS {
        let cards = cards_bounds(&premise_scene(ballard(), arrangement)).unwrap();
        let (open, _) = picture(&page, name);
        let view_box =
            format!("viewBox=\"{:.1} {:.1} {:.1} {:.1}\"", cards.x, cards.y, cards.width, cards.height);
        assert!(open.contains(&view_box) && open.contains("preserveAspectRatio=\"xMidYMid meet\""), "{open}");
    }
    assert!(page.starts_with(&format!("<div id=\"{ROOT_ID}\"")));
}

/// The page draws a picture in the visible area less 24 px on every side, "meet": as large as
/// fits and centred. That is the view the app's Fit makes (`Viewport::fitting_in`, margin 24).
#[test]
fn fitting_the_picture_meet_in_the_margin_is_the_apps_fit() {
    let cards = cards_bounds(&premise_scene(ballard(), Arrangement::Wide)).unwrap();
    let areas = [
        Rect { x: 0.0, y: 112.0, width: 1366.0, height: 656.0 },
        Rect { x: 0.0, y: 156.0, width: 375.0, height: 451.0 },
        Rect { x: 0.0, y: 104.0, width: 1348.0, height: 900.0 },
    ];
    for area in areas {
        let app = Viewport::fitting_in(cards, area, 24.0);
        let (room_x, room_y, room_w, room_h) =
            (area.x + 24.0, area.y + 24.0, area.width - 48.0, area.height - 48.0);
        let scale = (room_w / cards.width).min(room_h / cards.height);
        let left = room_x + (room_w - cards.width * scale) / 2.0 - cards.x * scale;
        let top = room_y + (room_h - cards.height * scale) / 2.0 - cards.y * scale;
        assert!((app.zoom - scale).abs() < 1e-9, "{area:?}");
        let corner = app.to_screen(Point::new(cards.x, cards.y));
        let meet = Point::new(left + cards.x * scale, top + cards.y * scale);
        assert!(corner.distance_to(meet) < 1e-6, "{area:?}: {corner:?} vs {meet:?}");
    }
}

#[test]
fn the_first_paint_escapes_the_universes_words() {
    let mut json: serde_json::Value = serde_json::from_str(caseboard::model::universe::BALLARD_JSON).unwrap();
    json["title"] = "Ballard <script>alert(1)</script>".into();
    let ballard_card =
        json["entities"].as_array_mut().unwrap().iter_mut().find(|e| e["id"] == "renee-ballard");
    ballard_card.unwrap()["name"] = "Renée \"<b>\" & 'Ballard'".into();
    let page = html(&Universe::parse(&json.to_string()).unwrap());
    assert!(!page.contains("<script") && !page.contains("<b>"), "no markup from the universe's words");
    assert!(page.contains("Ballard &lt;script&gt;alert(1)&lt;/script&gt; board before the first episode"));
    assert!(page.contains("<title>Renée &quot;&lt;b&gt;&quot; &amp; &apos;Ballard&apos;</title>"));
}

#[test]
fn the_page_says_what_is_opening_and_without_javascript_what_the_picture_is() {
    let page = html(ballard());
    assert!(page.contains(
        "<noscript><p class=\"first-paint-noscript\">This is the Ballard board before the first episode."
    ));
    // One line for each case the page's script tells apart; the style shows the one it found.
    let status = page.split("<p class=\"first-paint-status\" role=\"status\">").nth(1).unwrap();
    let status = status.split("</p>").next().unwrap();
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/first-paint.js")).unwrap();
    for (opening, words) in [
        ("board", "Opening the board…"),
        ("shared", "Opening a shared board…"),
        ("own", "Opening your board…"),
    ] {
        assert!(status.contains(&format!("<span data-opening=\"{opening}\">{words}</span>")), "{status}");
        assert!(script.contains(&format!("\"{opening}\"")), "the script names \"{opening}\"");
    }
}
