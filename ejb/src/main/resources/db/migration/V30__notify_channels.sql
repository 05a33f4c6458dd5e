-- Notification channels (issue 20 item 3): every inbox message to a unit also goes out through the
-- unit's external channels (e-mail, SMS gateway, 企业微信 and 钉钉 group robots) by an outbox: the
-- deliveries are rows written in the sender's transaction and sent by a timer outside it.
--
-- Secrets (the SMS gateway key, robot webhook URLs, which carry their access token, and 钉钉's
-- signing secret) are stored AES-GCM encrypted by the application (cn.duban.notify.SecretBox,
-- key DUBAN_SECRET_KEY); the *_hint columns hold what the API may show (host, last 4 characters).
-- Their names mark them secret (token, secret, apikey) so a tenant's export leaves them out
-- (ArchiveFormat.isSecret): a webhook URL carries the robot's access token.

-- A tenant's channel settings: quiet hours (Asia/Shanghai) and the cap on repeats per task, the
-- SMS gateway.
create table notify_settings (
    tenant_id        varchar(40)   primary key references tenant (id),
    quiet_start      time,
    quiet_end        time,
    cap_per_week     integer       not null default 3 check (cap_per_week between 0 and 100),
    sms_url          varchar(500),
    sms_apikey_enc      text,
    sms_key_hint     varchar(10),
    updated_by       varchar(100)  not null,
    updated_at       timestamptz   not null default now(),
    check ((quiet_start is null) = (quiet_end is null))
);

-- A unit's channels: SMS phone numbers and the two group robots.
create table notify_unit (
    tenant_id          varchar(40)   not null references tenant (id),
    unit_id            uuid          not null,
    phones             varchar(1000),
    wecom_token_enc      text,
    wecom_host         varchar(255),
    wecom_hint         varchar(10),
    dingtalk_token_enc   text,
    dingtalk_host      varchar(255),
    dingtalk_hint      varchar(10),
    dingtalk_secret_enc text,
    dingtalk_secret_hint varchar(10),
    updated_by         varchar(100)  not null,
    updated_at         timestamptz   not null default now(),
    primary key (tenant_id, unit_id),
    foreign key (tenant_id, unit_id) references unit (tenant_id, id) on delete cascade
);

-- The outbox: one row per message and channel. target is masked (phone 138****5678, a webhook's
-- host); the real address is read from the unit's settings when it is sent.
create table notify_delivery (
    tenant_id        varchar(40)   not null references tenant (id),
    id               uuid          not null,
    message_id       uuid,
    unit_id          uuid          not null,
    task_id          uuid,
    channel          varchar(10)   not null check (channel in ('EMAIL', 'SMS', 'WECOM', 'DINGTALK')),
    target           varchar(300)  not null,
    subject          varchar(500)  not null,
    text             text          not null,
    status           varchar(10)   not null check (status in ('PENDING', 'SENT', 'FAILED', 'HELD', 'CAPPED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz,
    http_status      integer,
    error            varchar(500),
    created_at       timestamptz   not null default now(),
    sent_at          timestamptz,
    primary key (tenant_id, id)
);
-- The timer's claim: due rows first.
create index notify_delivery_due_idx on notify_delivery (tenant_id, next_attempt_at)
    where status in ('PENDING', 'HELD');
-- The cap: a unit's deliveries about a task in the last 7 days.
create index notify_delivery_cap_idx on notify_delivery (tenant_id, unit_id, task_id, created_at);
create index notify_delivery_log_idx on notify_delivery (tenant_id, created_at desc);

alter table notify_settings enable row level security;
alter table notify_settings force row level security;
create policy tenant_isolation on notify_settings using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table notify_unit enable row level security;
alter table notify_unit force row level security;
create policy tenant_isolation on notify_unit using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table notify_delivery enable row level security;
alter table notify_delivery force row level security;
create policy tenant_isolation on notify_delivery using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on notify_settings, notify_unit to ${appRole};
grant select, insert, update on notify_delivery to ${appRole};

-- The operator's outbound allow-list and CA bundle: one for the platform, not per tenant. Every
-- transaction reads them (the timer sends as a tenant); only the platform's write them, like the
-- work calendar (V20). internal: the exact host:port may be a private address (政务外网 gateways).
create table outbound_allow (
    host        varchar(255) not null,
    port        integer      not null default 0 check (port between 0 and 65535),
    internal    boolean      not null default false,
    note        varchar(200),
    updated_by  varchar(255) not null,
    updated_at  timestamptz  not null default now(),
    primary key (host, port),
    check (not internal or port > 0)
);
create table outbound_ca (
    id          integer      primary key check (id = 1),
    pem         text         not null,
    updated_by  varchar(255) not null,
    updated_at  timestamptz  not null default now()
);
alter table outbound_allow enable row level security;
alter table outbound_allow force row level security;
alter table outbound_ca enable row level security;
alter table outbound_ca force row level security;
create policy everyone_reads on outbound_allow for select using (true);
create policy platform_writes on outbound_allow for all
    using (current_setting('app.platform', true) = 'on')
    with check (current_setting('app.platform', true) = 'on');
create policy everyone_reads on outbound_ca for select using (true);
create policy platform_writes on outbound_ca for all
    using (current_setting('app.platform', true) = 'on')
    with check (current_setting('app.platform', true) = 'on');
grant select, insert, update, delete on outbound_allow, outbound_ca to ${appRole};
