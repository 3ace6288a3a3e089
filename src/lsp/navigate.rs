//! The navigation requests: definitions and references, the outline, completion and code
//! actions, from the names of every file in reach of a document.

use std::path::PathBuf;

use lsp_types::{TextEdit, Uri};

use super::{file_uri, index, position, uri_path};

/// What the navigation requests read: the names of every file in reach of a document.
impl super::Server<'_> {
    /// The rule files of the document's workspace on the disk (bundled ones have no place
    /// to point at) and every open document, each with its names.
    fn indexed(&self, path: &std::path::Path) -> Vec<(PathBuf, String, Vec<index::Name>)> {
        let mut files: Vec<(PathBuf, String)> = self
            .workspace
            .rules_for(path)
            .into_iter()
            .filter(|f| !f.name().starts_with(crate::bundled::PREFIX))
            .map(|f| (PathBuf::from(f.name()), f.text().to_string()))
            .collect();
        for (open, text) in &self.workspace.open {
            if !files.iter().any(|(p, _)| p == open) {
                files.push((open.clone(), text.clone()));
            }
        }
        files.sort();
        let with_names = files.into_iter().filter_map(|(p, text)| {
            let language = crate::syntax::Language::of(&p.to_string_lossy())?;
            let names = index::names(&text, language);
            Some((p, text, names))
        });
        with_names.collect()
    }

    /// Go to definition (`declarations`) or find references of the name under the cursor.
    pub(super) fn locations(
        &self,
        params: &lsp_types::ReferenceParams,
        declarations: bool,
    ) -> Option<Vec<lsp_types::Location>> {
        let at = &params.text_document_position;
        let path = uri_path(&at.text_document.uri)?;
        let text = self.workspace.open.get(&path)?;
        let offset = position::offset(text, at.position, self.encoding);
        let language = crate::syntax::Language::of(&path.to_string_lossy())?;
        let here = index::names(text, language);
        let name = here
            .iter()
            .find(|n| n.kind != index::Kind::Target && n.contains(offset))?;
        let mut found = Vec::new();
        for (file, text, names) in self.indexed(&path) {
            let same = names
                .iter()
                .filter(|n| n.kind == name.kind && n.name == name.name);
            let wanted = same.filter(|n| match declarations {
                true => n.declaration.is_some(),
                false => n.declaration.is_none() || params.context.include_declaration,
            });
            for n in wanted {
                found.push(lsp_types::Location {
                    uri: file_uri(&file)?,
                    range: position::range(&text, n.span.offset(), n.span.len(), self.encoding),
                });
            }
        }
        Some(found)
    }

    /// The document's declarations: the outline.
    #[allow(deprecated)]
    pub(super) fn outline(&self, uri: &Uri) -> Option<Vec<lsp_types::DocumentSymbol>> {
        let path = uri_path(uri)?;
        let text = self.workspace.open.get(&path)?;
        let language = crate::syntax::Language::of(&path.to_string_lossy())?;
        let declared = index::names(text, language).into_iter();
        let symbols = declared.filter_map(|n| {
            let whole = n.declaration?;
            Some(lsp_types::DocumentSymbol {
                name: n.name,
                detail: None,
                kind: symbol_kind(n.kind),
                tags: None,
                deprecated: None,
                range: position::range(text, whole.offset(), whole.len(), self.encoding),
                selection_range: position::range(
                    text,
                    n.span.offset(),
                    n.span.len(),
                    self.encoding,
                ),
                children: None,
            })
        });
        Some(symbols.collect())
    }

    /// Keywords of the document's language, and the names of indicators, groups, units and
    /// provinces; the client narrows them to what is typed.
    pub(super) fn complete(
        &self,
        params: &lsp_types::CompletionParams,
    ) -> Option<Vec<lsp_types::CompletionItem>> {
        use lsp_types::CompletionItemKind as K;
        let path = uri_path(&params.text_document_position.text_document.uri)?;
        let mut items: Vec<(String, K)> = crate::syntax::keywords()
            .into_iter()
            .map(|k| (k.to_string(), K::KEYWORD))
            .collect();
        let mut sources = crate::model::Sources::default();
        if let Ok(rules) = crate::check::load_rules(&mut sources, self.workspace.rules_for(&path)) {
            items.extend(
                rules
                    .indicators
                    .iter()
                    .map(|i| (i.name.clone(), K::VARIABLE)),
            );
            items.extend(rules.groups.iter().map(|g| (g.name.clone(), K::ENUM)));
        }
        items.extend(crate::units::Unit::spellings().map(|u| (u.to_string(), K::UNIT)));
        for p in crate::provinces::Province::all() {
            items.push((p.english().to_string(), K::CONSTANT));
            items.push((p.chinese().to_string(), K::CONSTANT));
        }
        let each = items
            .into_iter()
            .map(|(label, kind)| lsp_types::CompletionItem {
                label,
                kind: Some(kind),
                ..lsp_types::CompletionItem::default()
            });
        Some(each.collect())
    }
}

impl super::Server<'_> {
    /// For each diagnostic the client sends back: a quick fix putting in the word a "did you
    /// mean" suggests, and for a lint in a rule file, an `allow` of it in its block.
    pub(super) fn code_actions(
        &self,
        params: &lsp_types::CodeActionParams,
    ) -> Vec<lsp_types::CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let text = uri_path(uri).and_then(|p| self.workspace.open.get(&p));
        let mut actions = Vec::new();
        for d in &params.context.diagnostics {
            if let Some(word) = d.data.as_ref().and_then(|data| data["replace"].as_str()) {
                let edit = TextEdit {
                    range: d.range,
                    new_text: word.to_string(),
                };
                actions.push(action(uri, d, format!("replace with `{word}`"), edit, true));
            }
            if let Some((code, edit)) = text.and_then(|t| self.allow_edit(t, d)) {
                let title = format!("allow {code} here, with a reason");
                actions.push(action(uri, d, title, edit, false));
            }
        }
        actions
    }

    /// `allow CODE because "..."` as the first line of the block the lint points into.
    fn allow_edit(&self, text: &str, d: &lsp_types::Diagnostic) -> Option<(&str, TextEdit)> {
        let Some(lsp_types::NumberOrString::String(code)) = &d.code else {
            return None;
        };
        let lint = crate::codes::find(code).filter(|c| c.kind == crate::codes::CodeKind::Lint)?;
        let at = position::offset(text, d.range.start, self.encoding);
        let names = index::names(text, crate::syntax::Language::Rules);
        let block = names
            .iter()
            .filter_map(|n| n.declaration)
            .find(|whole| (whole.offset()..whole.offset() + whole.len()).contains(&at))?;
        let open = block.offset() + text[block.offset()..].find('{')? + 1;
        let here = position::position(text, open, self.encoding);
        let edit = TextEdit {
            range: lsp_types::Range::new(here, here),
            new_text: format!("\n    allow {} because \"...\"", lint.id),
        };
        Some((lint.id, edit))
    }
}

// lsp-types keys a WorkspaceEdit's changes by `Uri`, whose parsed form clippy takes for
// interior mutability; nothing mutates it.
#[allow(clippy::mutable_key_type)]
fn action(
    uri: &Uri,
    d: &lsp_types::Diagnostic,
    title: String,
    edit: TextEdit,
    preferred: bool,
) -> lsp_types::CodeActionOrCommand {
    let changes = [(uri.clone(), vec![edit])].into_iter().collect();
    lsp_types::CodeActionOrCommand::CodeAction(lsp_types::CodeAction {
        title,
        kind: Some(lsp_types::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![d.clone()]),
        edit: Some(lsp_types::WorkspaceEdit {
            changes: Some(changes),
            ..lsp_types::WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..lsp_types::CodeAction::default()
    })
}

fn symbol_kind(kind: index::Kind) -> lsp_types::SymbolKind {
    use lsp_types::SymbolKind as S;
    match kind {
        index::Kind::Source => S::MODULE,
        index::Kind::Indicator => S::VARIABLE,
        index::Kind::Group => S::ENUM,
        index::Kind::Rule => S::FUNCTION,
        index::Kind::Assignment => S::STRUCT,
        index::Kind::Target => S::FIELD,
    }
}
