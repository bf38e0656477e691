CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, phone TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, card_number TEXT, total INTEGER);
