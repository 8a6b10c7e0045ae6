// The message template editor's "Insert" buttons (MessageTemplateLanguageEditor.razor): puts a merge
// field at the caret of the text field the user was last in, replacing any selection, tells Blazor the
// value changed (MudBlazor's fields bind on change) and gives the focus back with the caret after it.
window.crmInsertAtCaret = function (inputId, text) {
    const field = document.getElementById(inputId);
    if (!field) {
        return;
    }

    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    field.focus();
};
