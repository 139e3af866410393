-- A canary token is a decoy: it never authenticates, and any use of it alerts its owner and every administrator.
alter table api_token add column canary boolean not null default false;
