// Keyboard movement in the week grid of the projects plugin: Tab moves as usual; the arrow keys move
// between cells like a spreadsheet (left and right once the caret is at the edge of the text, or the
// whole text is selected); Enter moves down. Right-to-left pages swap left and right.
export function attach(grid) {
    if (!grid || grid.dataset.projectsKeys === "on") {
        return;
    }

    grid.dataset.projectsKeys = "on";
    grid.addEventListener("keydown", event => {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || input.dataset.row === undefined || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }

        const row = Number(input.dataset.row);
        const col = Number(input.dataset.col);
        // Which cell is "left" follows the page; where the caret is follows the field (numbers are typed left to right).
        const rtl = getComputedStyle(grid).direction === "rtl";
        const caretRtl = getComputedStyle(input).direction === "rtl";
        const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
        const atStart = allSelected || (input.selectionStart === 0 && input.selectionEnd === 0);
        const atEnd = allSelected || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length);
        let target = null;
        switch (event.key) {
            case "ArrowUp":
                target = find(grid, row, col, -1, 0);
                break;
            case "ArrowDown":
            case "Enter":
                target = find(grid, row, col, 1, 0);
                break;
            case "ArrowLeft":
                if (caretRtl ? atEnd : atStart) {
                    target = find(grid, row, col, 0, rtl ? 1 : -1);
                }
                break;
            case "ArrowRight":
                if (caretRtl ? atStart : atEnd) {
                    target = find(grid, row, col, 0, rtl ? -1 : 1);
                }
                break;
            default:
                return;
        }

        if (target) {
            event.preventDefault();
            target.focus();
            target.select();
        }
    });
}

// The next enabled cell in a direction, skipping locked ones; null at the grid's edge.
function find(grid, row, col, rowStep, colStep) {
    for (let r = row + rowStep, c = col + colStep; r >= 0 && c >= 0 && r < 1000 && c < 7; r += rowStep, c += colStep) {
        const cell = grid.querySelector(`input[data-row="${r}"][data-col="${c}"]`);
        if (!cell) {
            return null;
        }

        if (!cell.disabled) {
            return cell;
        }
    }

    return null;
}
