# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'role_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RoleDialog(object):
    def setupUi(self, RoleDialog):
        if not RoleDialog.objectName():
            RoleDialog.setObjectName(u"RoleDialog")
        RoleDialog.resize(400, 160)
        self.main_layout = QVBoxLayout(RoleDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(RoleDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.role_label = QLabel(RoleDialog)
        self.role_label.setObjectName(u"role_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(RoleDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.role_combo)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(RoleDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(RoleDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.role_label.setBuddy(self.role_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RoleDialog)

        QMetaObject.connectSlotsByName(RoleDialog)
    # setupUi

    def retranslateUi(self, RoleDialog):
        RoleDialog.setWindowTitle(QCoreApplication.translate("RoleDialog", u"Change role \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("RoleDialog", u"Whose role", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText("")
        self.role_label.setText(QCoreApplication.translate("RoleDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.role_combo.setAccessibleName(QCoreApplication.translate("RoleDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("RoleDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

