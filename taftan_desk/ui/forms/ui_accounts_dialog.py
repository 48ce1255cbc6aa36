# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accounts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_AccountsDialog(object):
    def setupUi(self, AccountsDialog):
        if not AccountsDialog.objectName():
            AccountsDialog.setObjectName(u"AccountsDialog")
        AccountsDialog.resize(760, 420)
        self.main_layout = QVBoxLayout(AccountsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(AccountsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.accounts_view = QTableView(AccountsDialog)
        self.accounts_view.setObjectName(u"accounts_view")
        self.accounts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accounts_view.setAlternatingRowColors(True)
        self.accounts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accounts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accounts_view.horizontalHeader().setStretchLastSection(True)
        self.accounts_view.verticalHeader().setVisible(False)

        self.body_layout.addWidget(self.accounts_view)

        self.buttons_layout = QVBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.add_button = QPushButton(AccountsDialog)
        self.add_button.setObjectName(u"add_button")
        self.add_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.add_button)

        self.active_button = QPushButton(AccountsDialog)
        self.active_button.setObjectName(u"active_button")
        self.active_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.active_button)

        self.unlock_button = QPushButton(AccountsDialog)
        self.unlock_button.setObjectName(u"unlock_button")
        self.unlock_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.unlock_button)

        self.role_button = QPushButton(AccountsDialog)
        self.role_button.setObjectName(u"role_button")
        self.role_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.role_button)

        self.reset_password_button = QPushButton(AccountsDialog)
        self.reset_password_button.setObjectName(u"reset_password_button")
        self.reset_password_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.reset_password_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttons_layout.addItem(self.buttons_spacer)


        self.body_layout.addLayout(self.buttons_layout)


        self.main_layout.addLayout(self.body_layout)

        self.message_label = QLabel(AccountsDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.main_layout.addWidget(self.message_label)

        self.error_label = QLabel(AccountsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(AccountsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)

        QWidget.setTabOrder(self.accounts_view, self.add_button)
        QWidget.setTabOrder(self.add_button, self.active_button)
        QWidget.setTabOrder(self.active_button, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.role_button)
        QWidget.setTabOrder(self.role_button, self.reset_password_button)

        self.retranslateUi(AccountsDialog)

        QMetaObject.connectSlotsByName(AccountsDialog)
    # setupUi

    def retranslateUi(self, AccountsDialog):
        AccountsDialog.setWindowTitle(QCoreApplication.translate("AccountsDialog", u"Accounts \u2014 Taftan Desk", None))
        self.intro_label.setText(QCoreApplication.translate("AccountsDialog", u"The station's user accounts. Every change is recorded in the audit log. A user who is disabled or given another role must sign in again.", None))
#if QT_CONFIG(accessibility)
        self.accounts_view.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Accounts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.add_button.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Add an account", None))
#endif // QT_CONFIG(accessibility)
        self.add_button.setText(QCoreApplication.translate("AccountsDialog", u"&Add\u2026", None))
#if QT_CONFIG(accessibility)
        self.active_button.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Disable or enable the account", None))
#endif // QT_CONFIG(accessibility)
        self.active_button.setText(QCoreApplication.translate("AccountsDialog", u"&Disable", None))
#if QT_CONFIG(accessibility)
        self.unlock_button.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Unlock the account", None))
#endif // QT_CONFIG(accessibility)
        self.unlock_button.setText(QCoreApplication.translate("AccountsDialog", u"&Unlock", None))
#if QT_CONFIG(accessibility)
        self.role_button.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Change the account's role", None))
#endif // QT_CONFIG(accessibility)
        self.role_button.setText(QCoreApplication.translate("AccountsDialog", u"Change &role\u2026", None))
#if QT_CONFIG(accessibility)
        self.reset_password_button.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Reset the account's password", None))
#endif // QT_CONFIG(accessibility)
        self.reset_password_button.setText(QCoreApplication.translate("AccountsDialog", u"Reset &password\u2026", None))
#if QT_CONFIG(accessibility)
        self.message_label.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.message_label.setText("")
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("AccountsDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

