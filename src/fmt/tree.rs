//! The formatter's view of a file: items that are lines or blocks of items, each made of
//! tokens as written, and the comments between them.

use crate::syntax::Pair;
use crate::syntax::parser::Rule;

#[derive(Debug, Clone, Copy)]
pub struct Token<'t> {
    pub text: &'t str,
}

#[derive(Debug)]
pub enum Node<'t> {
    /// A one-line item: a field, or a declaration without a block.
    Line {
        tokens: Vec<Token<'t>>,
        start: usize,
        end: usize,
    },
    /// A declaration with a `{ ... }` block of items.
    Block {
        head: Vec<Token<'t>>,
        children: Vec<Node<'t>>,
        start: usize,
        /// Where `{` is.
        open: usize,
        /// Just after `}`.
        end: usize,
    },
}

impl Node<'_> {
    pub fn start(&self) -> usize {
        match self {
            Node::Line { start, .. } | Node::Block { start, .. } => *start,
        }
    }

    pub fn end(&self) -> usize {
        match self {
            Node::Line { end, .. } | Node::Block { end, .. } => *end,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Comment<'t> {
    pub text: &'t str,
    pub start: usize,
}

/// Declarations written with a block.
fn is_block(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::source_decl
            | Rule::indicator_decl
            | Rule::rule_decl
            | Rule::assignment_decl
            | Rule::assigned_row
            | Rule::target_decl
            | Rule::waive_decl
            | Rule::test_decl
            | Rule::plan_block
    )
}

/// Rules that are items of a block (or of the file), rather than parts of a block's head.
fn is_item(rule: Rule) -> bool {
    is_block(rule)
        || matches!(
            rule,
            Rule::title_field
                | Rule::address_field
                | Rule::allow_field
                | Rule::unit_field
                | Rule::baseline_field
                | Rule::ambition_field
                | Rule::resembles_field
                | Rule::group_decl
                | Rule::kind_field
                | Rule::severity_field
                | Rule::scope_field
                | Rule::require_field
                | Rule::undeclared_field
                | Rule::cite_field
                | Rule::help_field
                | Rule::accept_field
                | Rule::province_field
                | Rule::city_field
                | Rule::issued_field
                | Rule::period_field
                | Rule::value_field
                | Rule::commitment_field
                | Rule::status_field
                | Rule::document_field
                | Rule::url_field
                | Rule::reason_field
                | Rule::approved_field
                | Rule::expires_field
                | Rule::plan_path
                | Rule::expect_field
                | Rule::assigned_for
                | Rule::basic_field
                | Rule::incentive_field
                | Rule::assigned_status_field
        )
}

/// The items of a file.
pub fn items<'t>(top: Pair<'t>, text: &'t str) -> Vec<Node<'t>> {
    top.into_inner()
        .filter(|p| p.as_rule() != Rule::EOI)
        .map(|p| node(p, text))
        .collect()
}

fn node<'t>(pair: Pair<'t>, text: &'t str) -> Node<'t> {
    let (start, end) = (pair.as_span().start(), pair.as_span().end());
    if !is_block(pair.as_rule()) {
        let leaves = leaves(pair);
        return Node::Line {
            tokens: tokens(text, &leaves, start, end),
            start,
            end,
        };
    }
    let (items, head): (Vec<Pair>, Vec<Pair>) =
        pair.into_inner().partition(|p| is_item(p.as_rule()));
    let head_leaves: Vec<Pair> = head.into_iter().flat_map(leaves).collect();
    let head_end = head_leaves.last().map_or(start, |l| l.as_span().end());
    let open = head_end
        + text[head_end..]
            .find('{')
            .expect("grammar: a block opens with `{`");
    Node::Block {
        head: tokens(text, &head_leaves, start, open),
        children: items.into_iter().map(|p| node(p, text)).collect(),
        start,
        open,
        end,
    }
}

/// The tokens of a pair: strings and other atoms whole, keywords, names and numbers.
pub(super) fn leaves(pair: Pair) -> Vec<Pair> {
    if pair.as_rule() == Rule::string || pair.clone().into_inner().next().is_none() {
        return vec![pair];
    }
    pair.into_inner().flat_map(leaves).collect()
}

/// The leaves, with the punctuation written between them, from `start` to `end`.
pub(super) fn tokens<'t>(
    text: &'t str,
    leaves: &[Pair<'t>],
    start: usize,
    end: usize,
) -> Vec<Token<'t>> {
    let mut out = Vec::new();
    let mut at = start;
    for leaf in leaves {
        let span = leaf.as_span();
        out.extend(punctuation(text, at, span.start()));
        out.push(Token {
            text: span.as_str(),
        });
        at = span.end();
    }
    out.extend(punctuation(text, at, end));
    out
}

/// Punctuation between tokens: everything but whitespace and comments.
fn punctuation(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, c) in text[from..to].char_indices() {
        match c {
            '\n' => in_comment = false,
            '#' => in_comment = true,
            _ if in_comment || c.is_whitespace() || c == crate::source::BOM => {}
            _ => out.push(Token {
                text: &text[from + i..from + i + c.len_utf8()],
            }),
        }
    }
    out
}

/// Every comment in the text, outside strings, without its line ending.
pub fn comments(text: &str) -> Vec<Comment<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => skip_string(&mut chars),
            '#' => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                out.push(Comment {
                    text: text[i..end].trim_end(),
                    start: i,
                });
                while chars.next_if(|(j, _)| *j < end).is_some() {}
            }
            _ => {}
        }
    }
    out
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::CharIndices>) {
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' | '\n' => return,
            _ => {}
        }
    }
}
