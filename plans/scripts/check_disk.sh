#!/bin/bash
# A pre-installation check, run on each gateway by cdt (execute_script).
# Usage: check_disk.sh [--min-free-mb N]   (default 4096)
# Exit codes, as CDT reads them: 0 = fine, go on; 222 = reboot the gateway, then go on;
# anything else = failure (the plan stops on this gateway when the action is critical).
min_free_mb=4096
if [ "$1" = "--min-free-mb" ] && [ -n "$2" ]; then
  min_free_mb="$2"
fi

# Packages are unpacked under /var/log: that is where the space is needed.
free_mb=$(df -Pm /var/log | awk 'NR == 2 { print $4 }')
if [ -z "$free_mb" ]; then
  echo "check_disk: cannot read the free space of /var/log" >&2
  exit 1
fi

if [ "$free_mb" -lt "$min_free_mb" ]; then
  echo "check_disk: only ${free_mb} MB free in /var/log, ${min_free_mb} MB needed" >&2
  exit 1
fi

echo "check_disk: ${free_mb} MB free in /var/log"
exit 0
