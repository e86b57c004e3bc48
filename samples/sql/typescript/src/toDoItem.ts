// A row of the dbo.ToDo table (see ToDo.sql). The SQL bindings match property names
// to column names, so the keys are spelled exactly like the columns.
export interface ToDoItem {
    Id: string;
    order: number | null;
    title: string;
    url: string;
    completed: boolean;
}
