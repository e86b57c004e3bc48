# Runs once when a PowerShell worker instance starts (a "cold start").
# This sample needs no start-up work; add shared set-up here if your app does.
