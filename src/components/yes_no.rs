use leptos::prelude::*;

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
