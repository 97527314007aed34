#!/bin/sh
# The local stack's stand-in for a deployment system's rollback: incident-service's bundled executor runs it for
# every RollbackRequested (see gatehouse.rollback.executor.script). A real one would redeploy the previous release.
echo "rolling ${GATEHOUSE_SERVICE:-the service} back to ${GATEHOUSE_PREVIOUS_RELEASE:-the previous release} for incident ${GATEHOUSE_INCIDENT_ID}"
sleep 1
echo "rollback complete"
