// What a text field sends to the server never exceeds what the field, and the connection, take.
// Browsers stop typing and pasting at a field's maxlength, but a script or a browser extension can set
// a longer value; sent as it is, the value would exceed the circuit's message size, the server would
// drop the connection and the edit would be lost without a word, while the form went on to save the
// old value. This listener runs before Blazor reads the value (capture phase, on window) and cuts a
// value longer than the field's maxlength, or than the longest text the circuit is sized for
// (data-longest, InputLimits.Longest), the way a paste is cut: the field then shows what the server gets.
(() => {
    const longest = Number(document.currentScript.dataset.longest);
    const guard = event => {
        const field = event.target;
        if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || event.isComposing) {
            return;
        }

        const limit = field.maxLength > 0 ? Math.min(field.maxLength, longest) : longest;
        if (field.value.length <= limit) {
            return;
        }

        // Never cut between the two halves of a character outside the BMP.
        const lastKept = field.value.charCodeAt(limit - 1);
        field.value = field.value.slice(0, lastKept >= 0xD800 && lastKept <= 0xDBFF ? limit - 1 : limit);
    };
    window.addEventListener('input', guard, true);
    window.addEventListener('change', guard, true);
})();
