"""Discovery: find the job boards and companies hiring for solar design, before the crawl."""
