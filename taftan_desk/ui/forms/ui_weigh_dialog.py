# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'weigh_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_WeighDialog(object):
    def setupUi(self, WeighDialog):
        if not WeighDialog.objectName():
            WeighDialog.setObjectName(u"WeighDialog")
        WeighDialog.resize(620, 240)
        self.main_layout = QVBoxLayout(WeighDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(WeighDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.intro_label)

        self.weighing_layout = QVBoxLayout()
        self.weighing_layout.setObjectName(u"weighing_layout")

        self.main_layout.addLayout(self.weighing_layout)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.max_gross_label = QLabel(WeighDialog)
        self.max_gross_label.setObjectName(u"max_gross_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.max_gross_label)

        self.max_gross_edit = QLineEdit(WeighDialog)
        self.max_gross_edit.setObjectName(u"max_gross_edit")
        self.max_gross_edit.setMaxLength(12)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.max_gross_edit)

        self.net_label = QLabel(WeighDialog)
        self.net_label.setObjectName(u"net_label")
        self.net_label.setWordWrap(True)
        self.net_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.net_label)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(WeighDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(WeighDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.max_gross_label.setBuddy(self.max_gross_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WeighDialog)

        QMetaObject.connectSlotsByName(WeighDialog)
    # setupUi

    def retranslateUi(self, WeighDialog):
        WeighDialog.setWindowTitle(QCoreApplication.translate("WeighDialog", u"Weighing \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("WeighDialog", u"About this step", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText("")
        self.max_gross_label.setText(QCoreApplication.translate("WeighDialog", u"Plate max gross &kg", None))
#if QT_CONFIG(accessibility)
        self.max_gross_edit.setAccessibleName(QCoreApplication.translate("WeighDialog", u"Maximum gross from the plate in kilograms", None))
#endif // QT_CONFIG(accessibility)
        self.max_gross_edit.setPlaceholderText(QCoreApplication.translate("WeighDialog", u"from the container plate, if legible", None))
#if QT_CONFIG(tooltip)
        self.max_gross_edit.setToolTip(QCoreApplication.translate("WeighDialog", u"Maximum gross from the container's CSC plate. Left empty, the station default is assumed and the desk says so.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.net_label.setAccessibleName(QCoreApplication.translate("WeighDialog", u"Net weight against the limit", None))
#endif // QT_CONFIG(accessibility)
        self.net_label.setText("")
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("WeighDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

