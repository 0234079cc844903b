from .fiat_providers import check_fiat_status
from .funding_source import (
    get_balance_delta,
    switch_to_voidwallet,
)
from .lnurl import fetch_lnurl_pay_request, get_pr_from_lnurl, perform_withdraw
from .notifications import enqueue_admin_notification, send_payment_notification
from .payments import (
    calculate_fiat_amounts,
    cancel_hold_invoice,
    check_payment_status,
    check_transaction_status,
    check_wallet_limits,
    create_fiat_invoice,
    create_invoice,
    create_payment_request,
    create_wallet_invoice,
    fee_reserve,
    fee_reserve_total,
    get_payments_daily_stats,
    pay_invoice,
    service_fee,
    settle_hold_invoice,
    update_pending_payment,
    update_pending_payments,
    update_wallet_balance,
)
from .settings import (
    check_webpush_settings,
    update_cached_settings,
)
from .users import (
    check_admin_settings,
    create_user_account,
    create_user_account_no_ckeck,
    update_user_account,
    update_user_extensions,
)
from .websockets import websocket_manager, websocket_updater

__all__ = [
    "calculate_fiat_amounts",
    "cancel_hold_invoice",
    "check_admin_settings",
    "check_fiat_status",
    "check_payment_status",
    "check_transaction_status",
    "check_wallet_limits",
    "check_webpush_settings",
    "create_fiat_invoice",
    "create_invoice",
    "create_payment_request",
    "create_user_account",
    "create_user_account_no_ckeck",
    "create_wallet_invoice",
    "enqueue_admin_notification",
    "fee_reserve",
    "fee_reserve_total",
    "fetch_lnurl_pay_request",
    "get_balance_delta",
    "get_payments_daily_stats",
    "get_pr_from_lnurl",
    "pay_invoice",
    "perform_withdraw",
    "send_payment_notification",
    "service_fee",
    "settle_hold_invoice",
    "switch_to_voidwallet",
    "update_cached_settings",
    "update_pending_payment",
    "update_pending_payments",
    "update_user_account",
    "update_user_extensions",
    "update_wallet_balance",
    "websocket_manager",
    "websocket_updater",
]
