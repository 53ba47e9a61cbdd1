use leptos::prelude::*;

/// A choice of period as a row of segments (a radio group underneath, so
/// arrow keys and screen readers work as for any radio buttons).
#[component]
pub fn RangePicker(
    /// Form field name, unique on the page.
    name: &'static str,
    /// (days, label) of each choice.
    options: &'static [(u32, &'static str)],
    days: RwSignal<u32>,
) -> impl IntoView {
    let segments = options
        .iter()
        .map(|&(length, label)| {
            view! {
                <label class="segment">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || days.get() == length
                        on:change=move |_| days.set(length)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="segments">
            <legend>"Period"</legend>
            {segments}
        </fieldset>
    }
}
