namespace LeadOps.Infrastructure.Scheduling;

/// <summary>
/// The tables of Quartz.NET's ADO.NET job store (default prefix QRTZ_), declared in the SQL Server model so that they
/// are created and versioned by the SQL Server migrations like every other table. LeadOps code never queries them;
/// Quartz reads and writes them by column name.
/// </summary>
internal static class QuartzSqlServerSchema
{
    private const int Sched = 120;
    private const int Name = 150;

    public static void Configure(ModelBuilder model)
    {
        Table(model, "QRTZ_JOB_DETAILS", b =>
        {
            Text(b, "SCHED_NAME", Sched); Text(b, "JOB_NAME", Name); Text(b, "JOB_GROUP", Name); Text(b, "DESCRIPTION", 250, required: false);
            Text(b, "JOB_CLASS_NAME", 250); Value<bool>(b, "IS_DURABLE"); Value<bool>(b, "IS_NONCONCURRENT"); Value<bool>(b, "IS_UPDATE_DATA");
            Value<bool>(b, "REQUESTS_RECOVERY"); Blob(b, "JOB_DATA");
            b.HasKey("SCHED_NAME", "JOB_NAME", "JOB_GROUP");
        });
        Table(model, "QRTZ_TRIGGERS", b =>
        {
            TriggerKey(b); Text(b, "JOB_NAME", Name); Text(b, "JOB_GROUP", Name); Text(b, "DESCRIPTION", 250, required: false);
            Value<long?>(b, "NEXT_FIRE_TIME"); Value<long?>(b, "PREV_FIRE_TIME"); Value<int?>(b, "PRIORITY"); Text(b, "TRIGGER_STATE", 16);
            Text(b, "TRIGGER_TYPE", 8); Value<long>(b, "START_TIME"); Value<long?>(b, "END_TIME"); Text(b, "CALENDAR_NAME", 200, required: false);
            Value<int?>(b, "MISFIRE_INSTR"); Blob(b, "JOB_DATA");
            b.HasOne("QRTZ_JOB_DETAILS", null).WithMany().HasForeignKey("SCHED_NAME", "JOB_NAME", "JOB_GROUP").OnDelete(DeleteBehavior.NoAction);
            b.HasIndex("SCHED_NAME", "TRIGGER_STATE", "NEXT_FIRE_TIME");
            b.HasIndex("SCHED_NAME", "MISFIRE_INSTR", "NEXT_FIRE_TIME", "TRIGGER_STATE");
            b.HasIndex("SCHED_NAME", "TRIGGER_GROUP", "TRIGGER_STATE");
            b.HasIndex("SCHED_NAME", "CALENDAR_NAME");
        });
        foreach (var (table, extra) in new (string, Action<EntityTypeBuilder>)[]
        {
            ("QRTZ_SIMPLE_TRIGGERS", b => { Value<int>(b, "REPEAT_COUNT"); Value<long>(b, "REPEAT_INTERVAL"); Value<int>(b, "TIMES_TRIGGERED"); }),
            ("QRTZ_CRON_TRIGGERS", b => { Text(b, "CRON_EXPRESSION", 120); Text(b, "TIME_ZONE_ID", 80, required: false); }),
            ("QRTZ_SIMPROP_TRIGGERS", b =>
            {
                Text(b, "STR_PROP_1", 512, required: false); Text(b, "STR_PROP_2", 512, required: false); Text(b, "STR_PROP_3", 512, required: false);
                Value<int?>(b, "INT_PROP_1"); Value<int?>(b, "INT_PROP_2"); Value<long?>(b, "LONG_PROP_1"); Value<long?>(b, "LONG_PROP_2");
                b.IndexerProperty<decimal?>("DEC_PROP_1").HasPrecision(13, 4); b.IndexerProperty<decimal?>("DEC_PROP_2").HasPrecision(13, 4);
                Value<bool?>(b, "BOOL_PROP_1"); Value<bool?>(b, "BOOL_PROP_2"); Text(b, "TIME_ZONE_ID", 80, required: false);
            }),
            ("QRTZ_BLOB_TRIGGERS", b => Blob(b, "BLOB_DATA")),
        })
        {
            Table(model, table, b =>
            {
                TriggerKey(b);
                extra(b);
                b.HasOne("QRTZ_TRIGGERS", null).WithMany().HasForeignKey("SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP").OnDelete(DeleteBehavior.Cascade);
            });
        }

        Table(model, "QRTZ_CALENDARS", b =>
        {
            Text(b, "SCHED_NAME", Sched); Text(b, "CALENDAR_NAME", 200); b.IndexerProperty<byte[]>("CALENDAR").IsRequired();
            b.HasKey("SCHED_NAME", "CALENDAR_NAME");
        });
        Table(model, "QRTZ_PAUSED_TRIGGER_GRPS", b =>
        {
            Text(b, "SCHED_NAME", Sched); Text(b, "TRIGGER_GROUP", Name);
            b.HasKey("SCHED_NAME", "TRIGGER_GROUP");
        });
        Table(model, "QRTZ_FIRED_TRIGGERS", b =>
        {
            Text(b, "SCHED_NAME", Sched); Text(b, "ENTRY_ID", 140); Text(b, "TRIGGER_NAME", Name); Text(b, "TRIGGER_GROUP", Name);
            Text(b, "INSTANCE_NAME", 200); Value<long>(b, "FIRED_TIME"); Value<long>(b, "SCHED_TIME"); Value<int>(b, "PRIORITY");
            Text(b, "STATE", 16); Text(b, "JOB_NAME", Name, required: false); Text(b, "JOB_GROUP", Name, required: false);
            Value<bool?>(b, "IS_NONCONCURRENT"); Value<bool?>(b, "REQUESTS_RECOVERY");
            b.HasKey("SCHED_NAME", "ENTRY_ID");
            b.HasIndex("SCHED_NAME", "INSTANCE_NAME", "REQUESTS_RECOVERY");
            b.HasIndex("SCHED_NAME", "JOB_GROUP", "JOB_NAME");
            b.HasIndex("SCHED_NAME", "TRIGGER_GROUP", "TRIGGER_NAME");
        });
        Table(model, "QRTZ_SCHEDULER_STATE", b =>
        {
            Text(b, "SCHED_NAME", Sched); Text(b, "INSTANCE_NAME", 200); Value<long>(b, "LAST_CHECKIN_TIME"); Value<long>(b, "CHECKIN_INTERVAL");
            b.HasKey("SCHED_NAME", "INSTANCE_NAME");
        });
        Table(model, "QRTZ_LOCKS", b =>
        {
            Text(b, "SCHED_NAME", Sched); Text(b, "LOCK_NAME", 40);
            b.HasKey("SCHED_NAME", "LOCK_NAME");
        });
    }

    private static void Table(ModelBuilder model, string name, Action<EntityTypeBuilder> configure) =>
        model.SharedTypeEntity<Dictionary<string, object>>(name, b =>
        {
            b.ToTable(name);
            configure(b);
        });

    private static void TriggerKey(EntityTypeBuilder b)
    {
        Text(b, "SCHED_NAME", Sched);
        Text(b, "TRIGGER_NAME", Name);
        Text(b, "TRIGGER_GROUP", Name);
        b.HasKey("SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP");
    }

    private static void Text(EntityTypeBuilder b, string column, int length, bool required = true) =>
        b.IndexerProperty<string>(column).HasMaxLength(length).IsRequired(required);

    private static void Value<T>(EntityTypeBuilder b, string column) => b.IndexerProperty<T>(column);

    private static void Blob(EntityTypeBuilder b, string column) => b.IndexerProperty<byte[]>(column);
}
