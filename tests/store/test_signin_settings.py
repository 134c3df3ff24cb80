"""Sign-in settings: who is an administrator when signing in, and whether viewer links work."""

from __future__ import annotations

from functions.domain.models import SigninSettings


def test_sign_in_settings_default_to_no_extra_admins_and_viewer_links_on(store):
    # Given a store where nobody saved sign-in settings
    # Then the defaults come back
    assert store.get_signin_settings() == SigninSettings()
    assert store.get_signin_settings().viewer_links is True


def test_sign_in_settings_are_kept_as_saved(store):
    # Given saved settings with addresses, groups and viewer links off
    saved = SigninSettings(
        admin_emails=("chef@norddjurs.dk", "it@norddjurs.dk"),
        admin_groups=("0b1c-grp",),
        viewer_links=False,
    )
    store.put_signin_settings(saved)
    # Then they come back as saved, and saving again replaces them (lists may be empty)
    assert store.get_signin_settings() == saved
    store.put_signin_settings(SigninSettings(viewer_links=True))
    assert store.get_signin_settings() == SigninSettings()


def test_sign_in_settings_leave_the_kiosk_settings_alone(store):
    # Given kiosk settings that were never saved
    store.put_signin_settings(SigninSettings(admin_emails=("chef@norddjurs.dk",)))
    # Then the store still reports nothing but sign-in settings changed
    from functions.domain.models import Settings

    assert store.get_settings(Settings(cooldown_seconds=33)).cooldown_seconds == 33
