namespace Minerva.Host.Durable;

/// <summary>The standalone host's Durable Task engine settings, bound from the "Minerva" configuration section.</summary>
public sealed class DurableHostOptions
{
    /// <summary>Task hub name; Azure Storage uses it in queue and table names, so letters and digits only.</summary>
    public string TaskHub { get; set; } = "minerva";

    /// <summary>
    /// This worker's name in the task hub's partition leases. Every running process needs its own; a process started
    /// again under the name it had takes its partitions back at once, where a new name waits for the old leases to
    /// expire (30 s). Default: machine name and process id (unique, not stable); run.sh names its workers.
    /// </summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How long a dequeued activity stays hidden: the delay before a crashed host's activities run elsewhere.</summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest pause between polls of a task-hub queue that was found empty. A worker wakes its own queues when it
    /// enqueues, but a message from another worker (an activity's completion, a sub-orchestration's start) waits for
    /// the next poll: with several workers every hop between them costs up to this long, and an import's end takes a
    /// few hops. At 1 s, two workers made the 512 MB import 1–2 s slower than one; at 250 ms about 0.8 s remains, for
    /// up to 20 queue reads a second per idle worker.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Activities this host takes at once: about one region per core (<see cref="Service.Activities.RegionSlots"/> bounds
    /// their memory) and one more, so that hashing a file, inspecting or finishing one runs beside the regions instead
    /// of in a region's place.
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = Environment.ProcessorCount + 1;
}
