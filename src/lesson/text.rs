//! Bilingual text: every string a learner reads exists in English and
//! Chinese. In YAML it is `{en: …, zh: …}`, or a plain string that counts for
//! both (numbers, symbols, code).

use std::fmt;

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer, Serialize};

/// A display language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The language a POSIX locale asks for: `LC_ALL`, then `LC_MESSAGES`,
    /// then `LANG`; the first one set decides (`zh*` → Chinese, else English).
    /// `var` looks a variable up (`std::env::var` in the program).
    #[must_use]
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| var(k).filter(|v| !v.is_empty()))
            .next()
            .map_or(Lang::En, |v| {
                if v.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                }
            })
    }
}

/// Text as written: both languages are optional here, so that a missing
/// translation is reported by validation, with its position, rather than as
/// a parse error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RawText {
    pub en: Option<String>,
    pub zh: Option<String>,
}

/// Checked text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    /// The same string in both languages.
    #[must_use]
    pub fn same(s: impl Into<String>) -> Self {
        let s = s.into();
        Self {
            en: s.clone(),
            zh: s,
        }
    }

    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

impl RawText {
    /// The checked text, or the language that is missing.
    pub fn check(&self) -> Result<Text, Lang> {
        match (&self.en, &self.zh) {
            (Some(en), Some(zh)) => Ok(Text {
                en: en.clone(),
                zh: zh.clone(),
            }),
            (None, _) => Err(Lang::En),
            (_, None) => Err(Lang::Zh),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    #[serde(default)]
    en: Option<String>,
    #[serde(default)]
    zh: Option<String>,
}

struct RawTextVisitor;

impl<'de> Visitor<'de> for RawTextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, or {en: …, zh: …}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
        Ok(RawText {
            en: Some(v.to_string()),
            zh: Some(v.to_string()),
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawText, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawText, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawText, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawText, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawText, A::Error> {
        let p = Pair::deserialize(MapAccessDeserializer::new(map))?;
        Ok(RawText { en: p.en, zh: p.zh })
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawTextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_string_counts_for_both_languages() {
        let t: RawText = serde_yaml::from_str("hello").unwrap();
        assert_eq!(t.check().unwrap(), Text::same("hello"));
    }

    #[test]
    fn numbers_are_text_too() {
        let t: RawText = serde_yaml::from_str("0.5").unwrap();
        assert_eq!(t.check().unwrap().en, "0.5");
    }

    #[test]
    fn a_missing_chinese_translation_is_named() {
        let t: RawText = serde_yaml::from_str("{en: hi}").unwrap();
        assert_eq!(t.check(), Err(Lang::Zh));
    }

    #[test]
    fn unknown_language_keys_are_rejected_with_the_valid_ones() {
        let e = serde_yaml::from_str::<RawText>("{en: hi, fr: salut}").unwrap_err();
        assert!(e.to_string().contains("expected `en` or `zh`"), "{e}");
    }

    #[test]
    fn locale_decides_the_default_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }
}
