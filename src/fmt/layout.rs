//! Printing the canonical layout: four spaces a level, one item a line, field keywords
//! aligned within a block, a blank line around top-level blocks, blank lines kept (one at
//! most) where the author put them, and each comment where it was.

use super::tree::{Comment, Node, Token};

const INDENT: usize = 4;

pub fn print(text: &str, items: &[Node], comments: &[Comment]) -> String {
    let mut printer = Printer {
        text,
        comments,
        next: 0,
        out: String::new(),
        commented: false,
    };
    printer.items(items, 0, 0, text.len(), true);
    let body = printer.out.trim_end_matches('\n');
    if body.is_empty() {
        String::new()
    } else {
        format!("{body}\n")
    }
}

struct Printer<'t, 'c> {
    text: &'t str,
    comments: &'c [Comment<'t>],
    /// The first comment not yet printed.
    next: usize,
    out: String,
    /// Whether the line printed last already ends in a comment.
    commented: bool,
}

impl<'t> Printer<'t, '_> {
    /// Items of one container, from `from` (just after its `{`) to `until` (its `}`).
    fn items(&mut self, items: &[Node], indent: usize, from: usize, until: usize, top: bool) {
        let widths = keyword_widths(self.text, items, top);
        let mut at = from;
        let mut prev: Option<&Node> = None;
        let mut first = true;
        for (item, width) in items.iter().zip(widths) {
            // A top-level block stands apart from its neighbours, comments and all.
            let mut apart = top && prev.is_some_and(|p| is_block(p) || is_block(item));
            while let Some(c) = self.take_comment_before(item.start()) {
                if self.trails(at, c.start) {
                    self.trail(c.text);
                } else {
                    let blank = !first && (apart || self.blank_between(at, c.start));
                    self.start_line(indent, blank);
                    self.out.push_str(c.text);
                    self.commented = true;
                    apart = false;
                    first = false;
                }
                at = c.start + c.text.len();
            }
            let blank = !first && (apart || self.blank_between(at, item.start()));
            self.start_line(indent, blank);
            self.node(item, indent, width);
            at = item.end();
            prev = Some(item);
            first = false;
        }
        while let Some(c) = self.take_comment_before(until) {
            if self.trails(at, c.start) {
                self.trail(c.text);
            } else {
                let blank = !first && self.blank_between(at, c.start);
                self.start_line(indent, blank);
                self.out.push_str(c.text);
                self.commented = true;
                first = false;
            }
            at = c.start + c.text.len();
        }
    }

    fn take_comment_before(&mut self, end: usize) -> Option<Comment<'t>> {
        let c = self
            .comments
            .get(self.next)
            .copied()
            .filter(|c| c.start < end)?;
        self.next += 1;
        Some(c)
    }

    /// A comment on the line of what was printed last trails it, unless that line has
    /// a comment already.
    fn trails(&self, at: usize, comment: usize) -> bool {
        !self.out.is_empty() && !self.commented && !self.text[at..comment].contains('\n')
    }

    fn node(&mut self, node: &Node, indent: usize, width: Option<usize>) {
        match node {
            Node::Line { tokens, start, end } => {
                self.out.push_str(&join(tokens, width));
                self.comments_inside(*start, *end, indent);
            }
            Node::Block {
                head,
                children,
                start,
                open,
                end,
            } => {
                self.out.push_str(&join(head, None));
                self.out.push_str(" {");
                self.comments_inside(*start, *open, indent + INDENT);
                self.items(children, indent + INDENT, open + 1, end - 1, false);
                self.start_line(indent, false);
                self.out.push('}');
            }
        }
    }

    /// Comments inside one item's text trail its line; any more follow on their own lines.
    fn comments_inside(&mut self, start: usize, end: usize, indent: usize) {
        let mut first = true;
        while let Some(c) = self.take_comment_before(end) {
            debug_assert!(c.start > start);
            if first && !self.commented {
                self.trail(c.text);
            } else {
                self.start_line(indent, false);
                self.out.push_str(c.text);
                self.commented = true;
            }
            first = false;
        }
    }

    /// Ends the line printed last (with a blank line after it, if asked) and indents the next.
    fn start_line(&mut self, indent: usize, blank: bool) {
        self.commented = false;
        if !self.out.is_empty() {
            self.out.push('\n');
            if blank {
                self.out.push('\n');
            }
        }
        self.out.push_str(&" ".repeat(indent));
    }

    fn trail(&mut self, comment: &str) {
        self.out.push(' ');
        self.out.push_str(comment);
        self.commented = true;
    }

    /// Whether the author left a blank line between `from` and `to`.
    fn blank_between(&self, from: usize, to: usize) -> bool {
        has_blank_line(&self.text[from..to])
    }
}

/// Whether a stretch of text holds a whole line that is empty (a line with a comment on it
/// is not).
fn has_blank_line(gap: &str) -> bool {
    let lines: Vec<&str> = gap.split('\n').collect();
    lines.len() > 2
        && lines[1..lines.len() - 1]
            .iter()
            .any(|l| l.trim().is_empty())
}

fn is_block(node: &Node) -> bool {
    matches!(node, Node::Block { .. })
}

fn first_width(node: &Node) -> Option<usize> {
    match node {
        Node::Line { tokens, .. } if tokens.len() > 1 => Some(tokens[0].text.chars().count()),
        _ => None,
    }
}

/// The column the first token of each line item is padded to: the widest of its group,
/// which is all the lines of a block, or at the top level a run of adjacent lines.
fn keyword_widths(text: &str, items: &[Node], top: bool) -> Vec<Option<usize>> {
    if !top {
        let width = items.iter().filter_map(first_width).max();
        return items.iter().map(|i| first_width(i).and(width)).collect();
    }
    let mut widths = vec![None; items.len()];
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=items.len() {
        let joins = i < items.len()
            && first_width(&items[i]).is_some()
            && run
                .last()
                .is_none_or(|&p| !has_blank_line(&text[items[p].end()..items[i].start()]));
        if joins {
            run.push(i);
            continue;
        }
        let width = run.iter().filter_map(|&j| first_width(&items[j])).max();
        for &j in &run {
            widths[j] = width;
        }
        run.clear();
        if i < items.len() && first_width(&items[i]).is_some() {
            run.push(i);
        }
    }
    widths
}

/// Tokens joined with one space, none inside brackets or before a comma, and the first
/// token padded to `width`.
pub(super) fn join(tokens: &[Token], width: Option<usize>) -> String {
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| tokens[p].text);
        let tight = matches!(token.text, "," | ")" | "]") || matches!(prev, Some("(" | "["));
        if i == 1 {
            let pad = width.map_or(1, |w| w + 1 - tokens[0].text.chars().count());
            out.push_str(&" ".repeat(if tight { 0 } else { pad }));
        } else if i > 1 && !tight {
            out.push(' ');
        }
        out.push_str(token.text);
    }
    out
}
