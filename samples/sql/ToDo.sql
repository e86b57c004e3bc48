-- Database objects that the Azure SQL binding samples use: run once against the
-- database named in the SqlConnectionString app setting.

CREATE TABLE dbo.ToDo (
    [Id] UNIQUEIDENTIFIER PRIMARY KEY,
    [order] INT NULL,
    [title] NVARCHAR(200) NOT NULL,
    [url] NVARCHAR(200) NOT NULL,
    [completed] BIT NOT NULL
);
GO

-- The input binding samples call this procedure with CommandType StoredProcedure.
CREATE PROCEDURE dbo.GetToDoItemsByStatus
    @Completed BIT
AS
    SELECT [Id], [order], [title], [url], [completed]
    FROM dbo.ToDo
    WHERE [completed] = @Completed
    ORDER BY [order];
GO

-- The trigger reads changes through change tracking, which must be enabled on the
-- database and on the table. Replace ToDoDatabase with the database's name.
ALTER DATABASE ToDoDatabase
SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON);
GO

ALTER TABLE dbo.ToDo ENABLE CHANGE_TRACKING;
GO
