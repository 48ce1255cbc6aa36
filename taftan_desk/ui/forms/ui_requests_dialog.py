# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'requests_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RequestsDialog(object):
    def setupUi(self, RequestsDialog):
        if not RequestsDialog.objectName():
            RequestsDialog.setObjectName(u"RequestsDialog")
        RequestsDialog.resize(620, 420)
        self.main_layout = QVBoxLayout(RequestsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(RequestsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.requests_list = QListWidget(RequestsDialog)
        self.requests_list.setObjectName(u"requests_list")
        self.requests_list.setWordWrap(True)
        self.requests_list.setAlternatingRowColors(True)

        self.main_layout.addWidget(self.requests_list)

        self.details_label = QLabel(RequestsDialog)
        self.details_label.setObjectName(u"details_label")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.details_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.reason_label = QLabel(RequestsDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(RequestsDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaxLength(500)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(RequestsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.approve_button = QPushButton(RequestsDialog)
        self.approve_button.setObjectName(u"approve_button")

        self.buttons_layout.addWidget(self.approve_button)

        self.refuse_button = QPushButton(RequestsDialog)
        self.refuse_button.setObjectName(u"refuse_button")

        self.buttons_layout.addWidget(self.refuse_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.close_button = QPushButton(RequestsDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons_layout.addWidget(self.close_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.requests_list, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.approve_button)
        QWidget.setTabOrder(self.approve_button, self.refuse_button)
        QWidget.setTabOrder(self.refuse_button, self.close_button)

        self.retranslateUi(RequestsDialog)

        QMetaObject.connectSlotsByName(RequestsDialog)
    # setupUi

    def retranslateUi(self, RequestsDialog):
        RequestsDialog.setWindowTitle(QCoreApplication.translate("RequestsDialog", u"Requests waiting \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("RequestsDialog", u"About this step", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText(QCoreApplication.translate("RequestsDialog", u"Officers at any desk of the station ask for these approvals. Choose one, write the reason, then approve or refuse it. Nobody decides their own request.", None))
#if QT_CONFIG(accessibility)
        self.requests_list.setAccessibleName(QCoreApplication.translate("RequestsDialog", u"Requests waiting for a supervisor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.details_label.setAccessibleName(QCoreApplication.translate("RequestsDialog", u"The chosen request", None))
#endif // QT_CONFIG(accessibility)
        self.details_label.setText("")
        self.reason_label.setText(QCoreApplication.translate("RequestsDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason_edit.setAccessibleName(QCoreApplication.translate("RequestsDialog", u"Reason for the approval or the refusal", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("RequestsDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
        self.approve_button.setText(QCoreApplication.translate("RequestsDialog", u"&Approve", None))
        self.refuse_button.setText(QCoreApplication.translate("RequestsDialog", u"Re&fuse", None))
        self.close_button.setText(QCoreApplication.translate("RequestsDialog", u"&Close", None))
    # retranslateUi

