//! serde_yaml's messages in Chinese. serde_yaml writes English sentences
//! built from a few fixed forms (serde's `unknown field`, `missing field`,
//! `invalid type`… and libyaml's syntax errors); each form is recognised
//! here and rebuilt in Chinese with the same names and values. A message
//! of no known form is returned as serde_yaml wrote it.

use super::problems::{io_reason, spaced};

/// `message` (without serde_yaml's trailing position) in Chinese, or as
/// it is when its form is unknown.
pub(super) fn translate(message: &str) -> String {
    if let Some(zh) = form(message) {
        return zh;
    }
    // serde_yaml puts the key path in front: `layers[0]: unknown field …`.
    if let Some((path, rest)) = message.split_once(": ")
        && !path.is_empty()
        && !path.contains(' ')
        && let Some(zh) = form(rest)
    {
        return format!("{path}：{zh}");
    }
    message.to_string()
}

/// A hint the lesson loader makes of serde_yaml's message, in Chinese, or
/// as it is when its form is unknown.
pub(super) fn translate_hint(hint: &str) -> String {
    if let Some(names) = hint.strip_prefix("expected ") {
        if names.starts_with('`') || names.starts_with("one of `") {
            return format!("可选：{}", one_of(names));
        }
        return spaced(&["这里应是", &expected_zh(names)]);
    }
    if let Some(rest) = hint.strip_prefix("add ")
        && let Some((entry, rest)) = ticked(rest)
        && rest == " to this mapping"
    {
        return format!("在这个映射中加上 `{entry}`");
    }
    if let Some((name, rest)) = ticked(hint)
        && rest == " may appear once per mapping; remove one"
    {
        return format!("`{name}` 在一个映射中只能出现一次，请删去一个");
    }
    match hint {
        "split the lesson, or keep large data in a CSV file the lesson names" => {
            "请把课程拆开，或把大量数据放进课程引用的 CSV 文件".into()
        }
        "save the file as UTF-8" => "请把文件存为 UTF-8".into(),
        "YAML indents with spaces; replace the tab with spaces" => {
            "YAML 用空格缩进，请把制表符换成空格".into()
        }
        "end the string with the same quote mark it starts with" => {
            "请用开头的那种引号结束这个字符串".into()
        }
        _ => hint.to_string(),
    }
}

/// The text between the first pair of backticks and what follows it.
fn ticked(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('`')?;
    let end = rest.find('`')?;
    Some((&rest[..end], &rest[end + 1..]))
}

/// One known form in Chinese.
fn form(m: &str) -> Option<String> {
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let (name, rest) = ticked(rest)?;
        return Some(match rest {
            "" => format!("未知的键 `{name}`"),
            ", there are no fields" => format!("未知的键 `{name}`：这里不接受任何键"),
            _ => format!(
                "未知的键 `{name}`，可用的键：{}",
                one_of(rest.strip_prefix(", expected ")?)
            ),
        });
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let (name, rest) = ticked(rest)?;
        return Some(match rest {
            "" => format!("未知的取值 `{name}`"),
            ", there are no variants" => format!("未知的取值 `{name}`：这里没有可选的取值"),
            _ => format!(
                "未知的取值 `{name}`，可选：{}",
                one_of(rest.strip_prefix(", expected ")?)
            ),
        });
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        let (name, rest) = ticked(rest)?;
        return rest.is_empty().then(|| format!("缺少键 `{name}`"));
    }
    if let Some(rest) = m.strip_prefix("duplicate field ") {
        let (name, rest) = ticked(rest)?;
        return rest.is_empty().then(|| format!("键 `{name}` 出现了两次"));
    }
    // The lesson loader's own rewording of serde's forms.
    if let Some(rest) = m.strip_prefix("the key ")
        && let Some((name, rest)) = ticked(rest)
        && rest == " is missing from the mapping that starts here"
    {
        return Some(format!("从这里开始的映射中缺少键 `{name}`"));
    }
    if let Some(reason) = m.strip_prefix("cannot read the lesson file: ") {
        return Some(format!(
            "无法读取课程文件：{}",
            io_reason(crate::lesson::Lang::Zh, reason)
        ));
    }
    if let Some(rest) = m.strip_prefix("the file is larger than ")
        && let Some(size) = rest.strip_suffix("; a lesson file is refused above that size")
    {
        return Some(format!("文件大于 {size}，超过这个大小的课程文件不予读取"));
    }
    if m == "the file is not valid UTF-8 text" {
        return Some("文件不是有效的 UTF-8 文本".into());
    }
    if m == "this quoted string is never closed; the file ends inside it" {
        return Some("这个带引号的字符串没有结束，文件在引号之内就结束了".into());
    }
    if let Some(key) = m.strip_prefix("duplicate entry with key ") {
        return Some(format!("键 {key} 出现了两次"));
    }
    if m == "duplicate entry with null key" {
        return Some("空键出现了两次".into());
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let Some((found, expected)) = rest.rsplit_once(", expected ") else {
            return Some(format!("类型不对：现在是{}", unexpected_zh(rest)));
        };
        return Some(spaced(&[
            "类型不对：这里应是",
            &expected_zh(expected),
            "，现在是",
            &unexpected_zh(found),
        ]));
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let Some((found, expected)) = rest.rsplit_once(", expected ") else {
            return Some(format!("值不对：现在是{}", unexpected_zh(rest)));
        };
        return Some(spaced(&[
            "值不对：这里应是",
            &expected_zh(expected),
            "，现在是",
            &unexpected_zh(found),
        ]));
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (n, expected) = rest.split_once(", expected ")?;
        return Some(spaced(&[
            "长度不对：这里应是",
            &expected_zh(expected),
            &format!("，现在有 {n} 项"),
        ]));
    }
    if m == "data did not match any variant of untagged enum BatchSizeSpec" {
        return Some("批大小应是正的行数或 full".into());
    }
    if m.starts_with("data did not match any variant of untagged enum ") {
        return Some("这个值不是这里允许的任何一种写法".into());
    }
    syntax(m)
}

/// libyaml's syntax problems and serde_yaml's own fixed messages.
fn syntax(m: &str) -> Option<String> {
    let zh = match m {
        "EOF while parsing a value" => "文件在应有值的地方结束了",
        "did not find expected ',' or '}'" => "没有找到应有的“,”或“}”",
        "did not find expected ',' or ']'" => "没有找到应有的“,”或“]”",
        "mapping values are not allowed in this context" => {
            "这里不能写键值对（可能缺了空格或缩进不对）"
        }
        "found character that cannot start any token" => "出现了不能作为开头的字符",
        "did not find expected key" => "没有找到应有的键（可能缩进不对）",
        "could not find expected ':'" => "没有找到应有的“:”",
        "found unexpected end of stream" => "文件意外结束了",
        "did not find expected node content" => "没有找到应有的内容",
        "did not find expected '-' indicator" => "没有找到应有的“-”",
        "block sequence entries are not allowed in this context" => "这里不能写“-”列表项",
        "found a tab character that violates indentation" => "缩进中出现了制表符（请用空格缩进）",
        "found unknown escape character" => "出现了未知的转义字符",
        "found undefined tag handle" => "出现了未定义的标签",
        "unknown anchor" => "未知的锚点",
        "recursion limit exceeded" => "嵌套层数超过了上限",
        "repetition limit exceeded" => "重复次数超过了上限",
        "failed to parse YAML number" => "无法解析 YAML 数字",
        "deserializing from YAML containing more than one document is not supported" => {
            "文件中只能有一个 YAML 文档"
        }
        _ => return None,
    };
    Some(zh.to_string())
}

/// serde's list of names (`` `a` ``, `` `a` or `b` ``, `` one of `a`, `b` ``)
/// as a Chinese list.
fn one_of(s: &str) -> String {
    let s = s.strip_prefix("one of ").unwrap_or(s);
    let names: Vec<&str> = s
        .split(", ")
        .flat_map(|p| p.split(" or "))
        .map(str::trim)
        .collect();
    names.join("、")
}

/// serde's description of what was found, in Chinese.
fn unexpected_zh(s: &str) -> String {
    let value = |prefix: &str| s.strip_prefix(prefix);
    if let Some(v) = value("boolean ") {
        return format!("布尔值 {v}");
    }
    if let Some(v) = value("integer ") {
        return format!("整数 {v}");
    }
    if let Some(v) = value("floating point ") {
        return format!("小数 {v}");
    }
    if let Some(v) = value("string ") {
        return format!("字符串 {v}");
    }
    if let Some(v) = value("character ") {
        return format!("字符 {v}");
    }
    let zh = match s {
        "unit value" | "Option value" => "空值",
        "sequence" => "列表",
        "map" => "映射（键值对）",
        "enum" | "unit variant" | "newtype variant" | "tuple variant" | "struct variant" => {
            "带标签的值"
        }
        "byte array" => "字节串",
        _ => return s.to_string(),
    };
    zh.to_string()
}

/// serde's description of what was expected, in Chinese.
fn expected_zh(s: &str) -> String {
    if s.starts_with("struct ") || s == "a map" || s == "a mapping" {
        return "映射（键值对）".into();
    }
    if s.starts_with("enum ") || s == "variant identifier" {
        return "一个取值名称".into();
    }
    let zh = match s {
        "f64" | "f32" => "一个数",
        "usize" | "u64" | "u32" | "u16" | "u8" => "一个非负整数",
        "i64" | "i32" | "isize" => "一个整数",
        "a boolean" => "布尔值（true 或 false）",
        "a string" | "a borrowed string" | "string or map" => "一个字符串",
        "a sequence" => "一个列表",
        "field identifier" => "一个键名",
        "unit" => "空值",
        "a character" => "一个字符",
        _ => return s.to_string(),
    };
    zh.to_string()
}
