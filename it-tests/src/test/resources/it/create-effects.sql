CREATE TABLE IF NOT EXISTS it_effect (id varchar(200) PRIMARY KEY, task varchar(200) NOT NULL, detail text)
