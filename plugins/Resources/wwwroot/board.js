// Keyboard and mouse on the planning board of the resources plugin (an ARIA grid with a roving tabindex).
// Arrow keys move between week cells (in a right-to-left page ArrowLeft goes to the next week), Home and End
// to the first and last week, Shift with an arrow, Home or End widens the selection of weeks in the row, Enter
// plans the selection. With the mouse: a click selects a week, Shift+click or dragging across a row selects
// weeks, a double click or the end of a drag plans them. The board (.NET) is told of every change of the
// selection and renders it; this file only moves the focus, so that keys answer at once.
export function attach(grid, board) {
    if (!grid || grid.dataset.boardKeys === "on") {
        return;
    }

    grid.dataset.boardKeys = "on";
    let anchor = null;
    let drag = null;

    const cellOf = node => node instanceof Element ? node.closest("[data-row][data-col]") : null;
    const position = cell => ({ row: Number(cell.dataset.row), col: Number(cell.dataset.col) });
    const columns = () => Number(grid.dataset.columns);

    function focusCell(cell) {
        for (const other of grid.querySelectorAll("[data-row][data-col][tabindex='0']")) {
            other.tabIndex = -1;
        }

        cell.tabIndex = 0;
        cell.focus();
    }

    function select(cell, extend) {
        const { row, col } = position(cell);
        if (!extend || !anchor || anchor.row !== row) {
            anchor = { row, col };
        }

        focusCell(cell);
        board.invokeMethodAsync("Select", row, anchor.col, col);
    }

    // A row out of view is not rendered (the rows are virtualised): scroll towards it, then try again.
    function goTo(row, col, extend, tries = 12) {
        const cell = grid.querySelector(`[data-row="${row}"][data-col="${col}"]`);
        if (cell) {
            select(cell, extend);
            return;
        }

        const current = grid.querySelector("[data-row][data-col][tabindex='0']");
        if (tries === 0 || !current || row < 0 || row >= Number(grid.dataset.rows)) {
            return;
        }

        grid.scrollTop += (row > position(current).row ? 1 : -1) * Number(grid.dataset.rowHeight);
        requestAnimationFrame(() => goTo(row, col, extend, tries - 1));
    }

    grid.addEventListener("keydown", event => {
        const cell = cellOf(event.target);
        if (!cell || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }

        const { row, col } = position(cell);
        const rtl = getComputedStyle(grid).direction === "rtl";
        const last = columns() - 1;
        let target = null;
        switch (event.key) {
            case "ArrowLeft":
                target = { row, col: Math.max(0, Math.min(last, col + (rtl ? 1 : -1))) };
                break;
            case "ArrowRight":
                target = { row, col: Math.max(0, Math.min(last, col + (rtl ? -1 : 1))) };
                break;
            case "ArrowUp":
                target = { row: row - 1, col };
                break;
            case "ArrowDown":
                target = { row: row + 1, col };
                break;
            case "Home":
                target = { row, col: 0 };
                break;
            case "End":
                target = { row, col: last };
                break;
            case "Enter":
            case " ":
                event.preventDefault();
                if (!anchor || anchor.row !== row) {
                    anchor = { row, col };
                }

                board.invokeMethodAsync(event.key === "Enter" ? "Plan" : "Select", row, anchor.col, col);
                return;
            default:
                return;
        }

        event.preventDefault();
        const vertical = target.row !== row;
        goTo(target.row, target.col, event.shiftKey && !vertical);
    });

    grid.addEventListener("mousedown", event => {
        const cell = cellOf(event.target);
        if (!cell || event.button !== 0) {
            return;
        }

        event.preventDefault();
        select(cell, event.shiftKey);
        drag = { row: position(cell).row, moved: false };
    });

    grid.addEventListener("mouseover", event => {
        const cell = cellOf(event.target);
        if (!drag || !cell || position(cell).row !== drag.row) {
            return;
        }

        drag.moved = drag.moved || position(cell).col !== anchor.col;
        select(cell, true);
    });

    document.addEventListener("mouseup", () => {
        if (drag?.moved && anchor) {
            const current = grid.querySelector("[data-row][data-col][tabindex='0']");
            if (current) {
                board.invokeMethodAsync("Plan", anchor.row, anchor.col, position(current).col);
            }
        }

        drag = null;
    });

    grid.addEventListener("dblclick", event => {
        const cell = cellOf(event.target);
        if (cell && anchor) {
            board.invokeMethodAsync("Plan", anchor.row, anchor.col, position(cell).col);
        }
    });
}

// Puts the focus back on the selected cell (after a dialog closes), scrolling it into view.
export function focusSelected(grid) {
    const cell = grid?.querySelector("[data-row][data-col][tabindex='0']");
    cell?.focus();
}
