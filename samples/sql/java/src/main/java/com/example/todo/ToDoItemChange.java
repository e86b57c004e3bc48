package com.example.todo;

/**
 * One change that the SQL trigger reports: the changed row and what happened to it.
 *
 * <p>The trigger sends each change as JSON with the properties {@code Item} and
 * {@code Operation} ({@code 0} insert, {@code 1} update, {@code 2} delete); the fields
 * carry those exact names.
 */
public class ToDoItemChange {
    private ToDoItem Item;
    private int Operation;

    /** The changed row; for a deleted row, only its primary key (Id) is set. */
    public ToDoItem getItem() {
        return Item;
    }

    /** The change as a word: Insert, Update or Delete. */
    public String getOperationName() {
        switch (Operation) {
            case 0:
                return "Insert";
            case 1:
                return "Update";
            case 2:
                return "Delete";
            default:
                return "Unknown (" + Operation + ")";
        }
    }
}
