use leptos::prelude::*;

/// The answers to a list of yes/no questions, each `None` until chosen.
#[derive(Clone)]
pub struct YesNoAnswers(Vec<RwSignal<Option<bool>>>);

impl YesNoAnswers {
    /// `count` unanswered questions.
    pub fn new(count: usize) -> YesNoAnswers {
        YesNoAnswers((0..count).map(|_| RwSignal::new(None)).collect())
    }

    /// The answer signal of question `index`.
    pub fn get(&self, index: usize) -> RwSignal<Option<bool>> {
        self.0[index]
    }

    /// Every question has an answer (tracked, for enabling Done).
    pub fn complete(&self) -> bool {
        self.0.iter().all(|a| a.get().is_some())
    }

    /// Question `index` was answered yes (untracked, for submitting).
    pub fn yes(&self, index: usize) -> bool {
        self.0[index].get_untracked() == Some(true)
    }

    /// The ids of the questions answered yes, given every question's id in
    /// the order they were asked (untracked, for submitting).
    pub fn yes_ids(&self, ids: impl IntoIterator<Item = &'static str>) -> Vec<&'static str> {
        ids.into_iter()
            .enumerate()
            .filter(|(i, _)| self.yes(*i))
            .map(|(_, id)| id)
            .collect()
    }
}

/// A yes/no question as a pair of radio buttons; `None` until answered.
#[component]
pub fn YesNo(
    question: &'static str,
    /// Form field name, unique on the page.
    name: &'static str,
    answer: RwSignal<Option<bool>>,
) -> impl IntoView {
    let choices = [(true, "Yes"), (false, "No")].map(|(value, label)| {
        view! {
            <label class="toggle">
                <input
                    type="radio"
                    name=name
                    prop:checked=move || answer.get() == Some(value)
                    on:change=move |_| answer.set(Some(value))
                />
                <span>{label}</span>
            </label>
        }
    });
    view! {
        <fieldset class="yes-no">
            <legend>{question}</legend>
            {choices.collect_view()}
        </fieldset>
    }
}
