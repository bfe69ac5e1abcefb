/**
 * How long a finished CloudRecording stays in the cluster ({@code spec.ttlSecondsAfterFinished}): which recordings
 * have finished, since when, when they are due for deletion, and what a deletion lists of their files. Pure
 * functions of the resource; the reconciler does the deleting. Imports {@code api} and {@code mapping} only.
 */
package com.tencentcloud.trtc.operator.retention;
