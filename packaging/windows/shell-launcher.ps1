# Makes the kiosk the shell of a dedicated Windows account with Shell Launcher
# (Windows 10/11 Enterprise or Education, IoT Enterprise), through its WMI
# class WESL_UserSetting, as Microsoft documents it. Written from that
# documentation; NOT run on this project's machines (they are Linux).
#
# Run in an elevated PowerShell after:
#   1. Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
#   2. a local standard account for the kiosk:  net user kiosk <password> /add
#   3. the one-folder build copied to C:\Program Files\Exhibit Kiosk
#   4. automatic sign-in of that account (Sysinternals Autologon, or the
#      AutoAdminLogon registry values)
param(
    [string]$Account = "kiosk",
    [string]$Kiosk = "C:\Program Files\Exhibit Kiosk\exhibit-kiosk.exe"
)
$ErrorActionPreference = "Stop"
$shell = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
$sid = (New-Object System.Security.Principal.NTAccount($Account)).Translate(
    [System.Security.Principal.SecurityIdentifier]).Value

$restartShell = 0; $restartDevice = 1; $shutDown = 2; $doNothing = 3
# Exit codes of the kiosk: 0 when staff quit it from the admin screen (then
# nothing is started: staff sign out with Ctrl+Alt+Del); anything else (a
# crash, an abort) restarts it.
$codes = [int[]]@(0)
$actions = [int[]]@($doNothing)

$shell.SetDefaultShell("explorer.exe", $restartShell) | Out-Null  # other accounts keep the desktop
$shell.SetCustomShell($sid, "`"$Kiosk`" run --kiosk", $codes, $actions, $restartShell) | Out-Null
$shell.SetEnabled($true) | Out-Null
Write-Output "Shell Launcher: $Account now signs in to the kiosk; sign in again to apply."
