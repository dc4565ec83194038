//! What each key does, in words: short for the footer, long for the help.
//! The TUI's key tables name a [`Does`] for every binding, so the keys, the
//! footer and the help cannot drift apart.

use crate::lesson::Lang;

/// Everything a key can do, as the learner reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Does {
    Next,
    Prev,
    First,
    Last,
    JumpStart,
    TypeStepNumber,
    JumpGo,
    JumpCancel,
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    SelectNext,
    SelectPrev,
    Open,
    Continue,
    Help,
    SwitchLang,
    Back,
    Quit,
    PlayPause,
    Epoch,
    Iteration,
    Faster,
    Slower,
    ScrubBack,
    ScrubForward,
    Restart,
    Reset,
    NewSeed,
    CyclePanel,
    ScrollNote,
    LearningRateUp,
    LearningRateDown,
    CycleBatch,
    ToggleLog,
    Answer,
    NextQuestion,
    PrevQuestion,
    LeaveAnswer,
    NextCell,
    PrevCell,
    CellDown,
    CellUp,
    DeleteChar,
    TypeAnswer,
    ShowCode,
    /// Predict-then-see: move between the options.
    PredictChoose,
    /// Take the chosen option or the typed number as the prediction.
    PredictLockIn,
    /// Watch the run without predicting.
    PredictSkip,
    /// Type a number prediction.
    PredictType,
    OpenNextLesson,
    StayInLesson,
    ScrollQuestion,
    /// A class: show or hide the class panel.
    ClassPanel,
    /// The instructor locks or frees the class.
    ClassLock,
    /// The instructor holds the class on the step, or releases it.
    ClassHold,
    /// The instructor shows the class the step's tally.
    ClassReveal,
    /// The instructor ends the class.
    ClassEnd,
    /// A learner goes back to the instructor's place.
    ClassRejoin,
    /// A learner marks a held step done.
    ClassMarkDone,
    /// Scroll the class panel when it is longer than the screen.
    ClassPanelDown,
    ClassPanelUp,
}

/// The other language's own name (what `L` switches to).
#[must_use]
pub fn other_language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "中文",
        Lang::Zh => "English",
    }
}

/// What `d` does: `short` for the footer, else a sentence for the help.
#[must_use]
pub fn describe(lang: Lang, d: Does, short: bool) -> &'static str {
    use Does::*;
    let (en, zh) = match (d, short) {
        (SwitchLang, true) => return other_language(lang),
        (SwitchLang, false) => ("switch the language to 中文", "切换语言为 English"),
        (Next, true) => ("next", "下一步"),
        (Next, false) => ("next step", "下一步"),
        (Prev, true) => ("previous", "上一步"),
        (Prev, false) => ("previous step", "上一步"),
        (First, _) => ("first step", "第一步"),
        (Last, _) => ("last step", "最后一步"),
        (JumpStart, true) => ("jump", "跳转"),
        (JumpStart, false) => (
            "go to step N (type the number, then Enter)",
            "跳到第 N 步（输入数字后按 Enter）",
        ),
        (TypeStepNumber, _) => ("type the step number", "输入步骤编号"),
        (JumpGo, _) => ("go", "确定"),
        (JumpCancel, _) => ("cancel", "取消"),
        (ScrollDown, true) => ("scroll", "滚动"),
        (ScrollDown, false) => ("scroll down", "向下滚动"),
        (ScrollUp, _) => ("scroll up", "向上滚动"),
        (PageDown, _) => ("page down", "向下翻页"),
        (PageUp, _) => ("page up", "向上翻页"),
        (SelectNext, true) => ("choose", "选择"),
        (SelectNext, false) => ("next lesson", "下一课"),
        (SelectPrev, _) => ("previous lesson", "上一课"),
        (Open, _) => ("open", "打开"),
        (Continue, true) => ("continue", "继续"),
        (Continue, false) => (
            "continue at the first step not yet done (unseen, or a question open)",
            "从第一个还没完成的步骤继续（没看过或有题没答）",
        ),
        (Help, true) => ("help", "帮助"),
        (Help, false) => ("show or close this help", "打开或关闭帮助"),
        (Back, true) => ("back", "返回"),
        (Back, false) => ("back to the lesson list, or quit", "返回课程列表或退出"),
        (Quit, _) => ("quit", "退出"),
        (PlayPause, true) => ("play", "播放"),
        (PlayPause, false) => ("play or pause the training", "开始或暂停训练"),
        (Epoch, true) => ("epoch", "一轮"),
        (Epoch, false) => ("one epoch", "训练一轮"),
        (Iteration, true) => ("batch", "一批"),
        (Iteration, false) => ("one iteration (one mini-batch)", "一次迭代（一个小批量）"),
        (Faster, true) => ("faster", "加速"),
        (Faster, false) => (
            "faster (up to as fast as the machine goes)",
            "加速（最快到机器极限）",
        ),
        (Slower, true) => ("slower", "减速"),
        (Slower, false) => (
            "slower (down to one epoch per second)",
            "减速（最慢每秒一轮）",
        ),
        (ScrubBack, true) => ("history", "回看"),
        (ScrubForward, true) => ("history", "回看"),
        (ScrubBack, false) => (
            "back through the recorded epochs",
            "在已记录的各轮中往前翻（更早）",
        ),
        (ScrubForward, _) => (
            "forward through the recorded epochs",
            "在已记录的各轮中往后翻（更晚）",
        ),
        (Restart, true) => ("restart", "重来"),
        (Restart, false) => (
            "restart with the same seed, keeping your η and batch size",
            "用同一随机种子重新开始，保留你改过的 η 和批大小",
        ),
        (Reset, true) => ("reset", "复原"),
        (Reset, false) => (
            "restart with the lesson's own η and batch size",
            "按本课原来的 η 和批大小重新开始",
        ),
        (NewSeed, _) => ("restart with a new seed", "换一个随机种子重新开始"),
        (CyclePanel, true) => ("panel", "面板"),
        (CyclePanel, false) => (
            "lower panel: charts, parameters, gradients, formulas",
            "切换下方面板：图表、参数、梯度、公式",
        ),
        (ScrollNote, true) => ("note", "说明"),
        (ScrollNote, false) => ("scroll the step's note", "滚动本步的说明文字"),
        // The footer shows `]` and `[` together under this one label.
        (LearningRateUp, true) => ("double/halve the rate", "学习率加倍/减半"),
        (LearningRateUp, false) => ("double the learning rate", "学习率加倍"),
        (LearningRateDown, _) => ("halve the learning rate", "学习率减半"),
        (CycleBatch, _) => ("batch size 1, 10, full", "批大小 1、10、全部"),
        (ToggleLog, _) => ("loss chart: log or linear scale", "损失图：对数或线性坐标"),
        (Answer, true) => ("answer", "作答"),
        (Answer, false) => (
            "answer the question (then Enter submits)",
            "回答所选题目（再按 Enter 提交）",
        ),
        (NextQuestion, true) => ("choose", "选题"),
        (NextQuestion, false) => ("next question", "下一题"),
        (PrevQuestion, _) => ("previous question", "上一题"),
        (LeaveAnswer, _) => ("leave the answer line", "离开作答行"),
        (NextCell, true) => ("next cell", "下一格"),
        (NextCell, false) => ("next cell of a matrix answer", "矩阵答案的下一格"),
        (PrevCell, _) => ("previous cell", "上一格"),
        (CellDown, _) => ("cell below", "下方一格"),
        (CellUp, _) => ("cell above", "上方一格"),
        (DeleteChar, _) => ("delete a character", "删除一个字符"),
        (ShowCode, true) => ("code", "状态码"),
        (ShowCode, false) => (
            "show and copy this screen's state code",
            "显示并复制本画面的状态码（凭它可以回到这里）",
        ),
        (PredictChoose, true) => ("choose", "选择"),
        (PredictChoose, false) => (
            "choose an option (or type its number)",
            "选择一个选项（或输入它的编号）",
        ),
        (PredictLockIn, true) => ("lock in", "确定"),
        (PredictLockIn, false) => (
            "lock in your prediction; then the run may start",
            "确定你的预测，之后才能开始训练",
        ),
        (PredictSkip, true) => ("skip, just watch", "跳过，直接看"),
        (PredictSkip, false) => (
            "skip: watch the run without predicting (nothing is saved)",
            "跳过：不预测，直接观看训练（不记录）",
        ),
        (PredictType, _) => ("type a number", "输入一个数"),
        (TypeAnswer, _) => (
            "type the answer; hint / solution",
            "输入答案，也可以输入“提示”或“解答”",
        ),
        (OpenNextLesson, true) => ("open", "打开"),
        (OpenNextLesson, false) => (
            "open the next chapter (from its first step)",
            "打开下一章（从第一步开始）",
        ),
        (StayInLesson, true) => ("stay", "留下"),
        (StayInLesson, false) => ("stay in this lesson", "留在本课"),
        (ScrollQuestion, true) => ("question", "题目"),
        (ScrollQuestion, false) => (
            "scroll the question (its given matrices)",
            "滚动题目（查看给出的矩阵）",
        ),
        (ClassPanel, true) => ("class", "课堂"),
        (ClassPanel, false) => (
            "show or hide the class panel (answers per question, slips, who joined)",
            "显示或隐藏课堂面板（每题的答题情况、失误、加入与离开）",
        ),
        (ClassLock, true) => ("lock", "锁定"),
        (ClassLock, false) => (
            "lock the class (learners cannot step away) or free it",
            "锁定课堂（学员不能自行离开）或解除锁定",
        ),
        (ClassHold, true) => ("hold", "停留"),
        (ClassHold, false) => (
            "hold the class on this step until learners mark it done; again to release",
            "让全班停在这一步，直到学员标记完成；再按一次取消",
        ),
        (ClassReveal, true) => ("reveal", "公布"),
        (ClassReveal, false) => (
            "show the class this step's answers (counts only, not who answered what)",
            "向全班公布这一步的答题情况（只有人数，不显示谁答了什么）",
        ),
        (ClassEnd, true) => ("end", "结束"),
        (ClassEnd, false) => ("end the class (press twice)", "结束课堂（按两次）"),
        (ClassRejoin, true) => ("rejoin", "回到讲师处"),
        (ClassRejoin, false) => (
            "rejoin: go back to the instructor's step",
            "回到讲师所在的步骤，继续跟随",
        ),
        (ClassPanelDown, true) => ("scroll panel", "滚动面板"),
        (ClassPanelDown, false) => ("scroll the class panel down", "向下滚动课堂面板"),
        (ClassPanelUp, _) => ("scroll the class panel up", "向上滚动课堂面板"),
        (ClassMarkDone, true) => ("done", "完成"),
        (ClassMarkDone, false) => (
            "mark the step the instructor holds the class on as done",
            "把讲师停留的这一步标记为完成",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
