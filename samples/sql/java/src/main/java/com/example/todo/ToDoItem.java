package com.example.todo;

import java.util.UUID;

/**
 * A row of the dbo.ToDo table (see ToDo.sql).
 *
 * <p>The SQL bindings match JSON property names to column names, and the Java worker
 * names each property after its field, so the fields are spelled exactly like the
 * columns: {@code Id}, {@code order}, {@code title}, {@code url}, {@code completed}.
 */
public class ToDoItem {
    private UUID Id;
    private Integer order;
    private String title;
    private String url;
    private boolean completed;

    public ToDoItem() {
    }

    public ToDoItem(UUID id, Integer order, String title, String url, boolean completed) {
        this.Id = id;
        this.order = order;
        this.title = title;
        this.url = url;
        this.completed = completed;
    }

    public UUID getId() {
        return Id;
    }

    public Integer getOrder() {
        return order;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public boolean isCompleted() {
        return completed;
    }
}
