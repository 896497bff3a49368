package dev.calmcue.session;

import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.Routine;

/** A session ready to sound: its plan and every cue's audio, already in memory. */
public record PreparedSession(
    Routine routine,
    SessionSettings settings,
    Timeline timeline,
    CueSounds sounds,
    TimelineAudio audio) {}
