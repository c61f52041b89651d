-- French typography in the data too (issue 12, finding 22): the distinctions' names and descriptions
-- were written with the straight apostrophe; the pages, the API and the exports show them as typed.
UPDATE "distinctions" SET "name" = replace("name", '''', '’'), "description" = replace("description", '''', '’') WHERE "name" LIKE '%''%' OR "description" LIKE '%''%';
