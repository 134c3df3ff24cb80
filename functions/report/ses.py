"""Sending through Amazon SES (API v2) on AWS: the same MIME message SMTP would carry, as raw
content, so the HTML and plain-text parts arrive exactly as rendered."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import getaddresses
from typing import Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from functions.report.smtp import MailFailed


class SesMailer:
    """SES v2 SendEmail with raw content. `client` is a boto3 sesv2 client, made on first use."""

    def __init__(self, client: Any = None):
        self._client = client

    @property
    def client(self) -> Any:
        """The SES v2 client; region and credentials from the environment (the function's role)."""
        if self._client is None:
            self._client = boto3.client("sesv2")
        return self._client

    def send(self, message: EmailMessage) -> None:
        """One SendEmail; MailFailed with SES's error code when it refuses."""
        recipients = [address for _, address in getaddresses(message.get_all("To", []))]
        sender = getaddresses([message["From"]])[0][1]
        try:
            self.client.send_email(
                FromEmailAddress=sender,
                Destination={"ToAddresses": recipients},
                Content={"Raw": {"Data": message.as_bytes()}},
            )
        except ClientError as error:
            raise MailFailed(f"SES {error.response.get('Error', {}).get('Code', '?')}") from error
        except BotoCoreError as error:
            raise MailFailed(type(error).__name__) from error
